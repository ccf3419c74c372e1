// SPDX-License-Identifier: Apache-2.0

/// Binomial cells (design row, trials, successes) grouped by cluster: the data of a logistic GEE.
///
/// An individual is a cell with one trial. Every GEE quantity with an exchangeable working
/// correlation is a sum over the individuals of a cluster, and individuals that share a design row
/// share their mean, so a cell of `m` trials contributes exactly what its `m` individuals would.
struct GEECells {
    /// The design, one row per cell.
    let design: Matrix
    /// Trials per cell.
    let trials: [Double]
    /// Successes per cell.
    let successes: [Double]
    /// The cells of each non-empty cluster, in input order.
    let clusters: [[Int]]
    /// Individuals per non-empty cluster.
    let clusterSizes: [Double]
    /// The total number of individuals.
    let observationCount: Int

    /// Groups validated cells, or returns `nil` for inconsistent input.
    init?(successes: [Double], trials: [Double], design: Matrix, cluster: [Int]) {
        let n = design.rows
        guard n > 0, design.columns > 0, successes.count == n, trials.count == n, cluster.count == n,
            design.storage.allSatisfy(\.isFinite),
            cluster.allSatisfy({ $0 >= 0 }),
            zip(successes, trials).allSatisfy({ s, m in
                m >= 1 && s >= 0 && s <= m && s.rounded() == s && m.rounded() == m
            })
        else { return nil }
        var groups: [Int: [Int]] = [:]
        for (row, c) in cluster.enumerated() { groups[c, default: []].append(row) }
        let ordered = groups.keys.sorted().map { groups[$0]! }
        self.design = design
        self.trials = trials
        self.successes = successes
        self.clusters = ordered
        self.clusterSizes = ordered.map { rows in rows.reduce(0) { $0 + trials[$1] } }
        self.observationCount = Int(trials.reduce(0, +))
    }
}
