// SPDX-License-Identifier: Apache-2.0

/// Binomial outcome data for a random-intercept logistic model: one row per cell.
///
/// A cell is a group of participants who share a cluster and a fixed-effect design row, for
/// example one cluster–period of a stepped-wedge trial with `successes` of `trials` participants
/// initiating treatment. Individual Bernoulli data is the special case `trials = 1` with one row per
/// participant, so individual-level covariates are supported by passing one row per participant
/// (``collapsed()`` then merges rows that share a cluster and a design row, which leaves the fit
/// unchanged and makes it faster).
///
/// The arrays are parallel: row `i` has `successes[i]` of `trials[i]`, belongs to cluster
/// `cluster[i]` (0-based; clusters need not be contiguous or sorted) and has design row
/// `design[i, ·]`. The design must have full column rank and usually contains an intercept column.
///
/// An optional ``offset`` adds a known term to each cell's linear predictor,
/// `logit μᵢ = oᵢ + xᵢβ + b_c`, as `glmer(..., offset = o)` does. Randomization confidence intervals
/// use it to fix the treatment effect at a hypothesised value (see ``PermutationInterval``).
public struct BinomialCells: Sendable, Equatable {
    /// The number of successes `yᵢ` in each cell, `0 ≤ yᵢ ≤ nᵢ`.
    public var successes: [Double]
    /// The number of trials `nᵢ > 0` in each cell.
    public var trials: [Double]
    /// The 0-based cluster index of each cell.
    public var cluster: [Int]
    /// The fixed-effect design `X`, one row per cell.
    public var design: Matrix
    /// A known per-cell term `oᵢ` added to the linear predictor (lme4's `offset`), or `nil` for none
    /// (bit-identical to all zeros; the cost is one addition per cell per deviance evaluation). When
    /// present it must have one finite value per cell; otherwise the fit reports the problem and does
    /// not converge.
    public var offset: [Double]?

    /// Creates binomial cells from parallel arrays; the lengths must agree with `design.rows`.
    /// - Parameters:
    ///   - successes: Successes per cell.
    ///   - trials: Trials per cell.
    ///   - cluster: 0-based cluster index per cell.
    ///   - design: Fixed-effect design matrix, one row per cell.
    ///   - offset: Optional known linear-predictor term per cell (default none).
    public init(successes: [Double], trials: [Double], cluster: [Int], design: Matrix, offset: [Double]? = nil) {
        precondition(
            successes.count == trials.count && trials.count == cluster.count && cluster.count == design.rows,
            "successes, trials, cluster and design rows must have the same length")
        self.successes = successes
        self.trials = trials
        self.cluster = cluster
        self.design = design
        self.offset = offset
    }

    /// The number of cells (rows).
    public var count: Int { successes.count }

    /// The number of clusters, `max(cluster) + 1` (0 when there are no cells).
    public var clusterCount: Int { (cluster.max() ?? -1) + 1 }

    /// The number of fixed-effect columns.
    public var coefficientCount: Int { design.columns }

    /// A description of the first problem that makes the data unusable, or `nil` when it is valid.
    var problem: String? {
        if count == 0 { return "no cells" }
        if design.columns == 0 { return "the design has no columns" }
        for i in 0..<count {
            let y = successes[i], n = trials[i]
            guard n.isFinite, y.isFinite, n > 0, y >= 0, y <= n else {
                return "cell \(i) has successes \(y) of trials \(n); need 0 ≤ successes ≤ trials and trials > 0"
            }
            guard cluster[i] >= 0 else { return "cell \(i) has negative cluster index \(cluster[i])" }
        }
        guard design.storage.allSatisfy(\.isFinite) else { return "the design contains a non-finite value" }
        if let offset {
            guard offset.count == count else {
                return "the offset has \(offset.count) values for \(count) cells; give one offset per cell"
            }
            if let i = offset.firstIndex(where: { !$0.isFinite }) {
                return "cell \(i) has a non-finite offset \(offset[i]); offsets must be finite numbers"
            }
        }
        return nil
    }
}
