// SPDX-License-Identifier: Apache-2.0

/// The sequences of a one-way crossover design (stepped wedge, bookend or parallel) recovered from
/// per-cell data, for randomization inference when no schedule is at hand (a plain CSV).
///
/// Each cluster's sequence is its **crossover period**: the first period in which it has a cell on
/// the intervention (or "never"). Clusters with the same crossover period share a sequence, and
/// sequence `s` is on the intervention in period `j` exactly when `j ≥ crossover(s)`. Sequences are
/// numbered by crossover period, earliest first, "never" last. Permuting the clusters across these
/// sequences (``AllocationSpace/permutations(of:)`` of ``allocation``) is the randomization of an
/// unconstrained one-way crossover design.
///
/// Missing cluster-periods are allowed; a cluster whose first observed intervention period follows
/// unobserved periods is assigned that first observed period (the true crossover may be earlier, which
/// the data cannot tell). Patterns that switch back from intervention to control are not one-way
/// crossovers and are rejected: pass the schedule explicitly for such designs.
public struct ObservedSequences: Sendable, Equatable {
    /// The sequence index of each cluster (`allocation[c]`), the observed allocation.
    public let allocation: [Int]
    /// `schedule[s][j]`: whether sequence `s` is on the intervention in period `j`.
    public let schedule: [[Bool]]
    /// The crossover period of each sequence, or `nil` for a sequence that never crosses over.
    public let crossoverPeriods: [Int?]

    /// Recovers the sequences from cells.
    /// - Parameters:
    ///   - cluster: The 0-based cluster of each cell (every cluster `0…max` must have a cell).
    ///   - period: The 0-based period of each cell.
    ///   - treated: Whether each cell is on the intervention.
    /// - Throws: ``RandomizationError/invalidData(_:)`` for mismatched lengths, negative indices, a
    ///   cluster without cells, a cluster-period whose cells disagree, or a cluster that returns from
    ///   intervention to control (each message names the cluster and periods).
    public init(cluster: [Int], period: [Int], treated: [Bool]) throws(RandomizationError) {
        guard period.count == cluster.count, treated.count == cluster.count else {
            throw .invalidData(
                "cluster, period and treated have lengths \(cluster.count), \(period.count), \(treated.count); they must agree")
        }
        guard !cluster.isEmpty else { throw .invalidData("there are no cells") }
        if let i = cluster.indices.first(where: { cluster[$0] < 0 || period[$0] < 0 }) {
            throw .invalidData("cell \(i) has cluster \(cluster[i]) and period \(period[i]); indices must be ≥ 0")
        }
        let clusters = cluster.max()! + 1, periods = period.max()! + 1
        var pattern = Array(repeating: [Bool?](repeating: nil, count: periods), count: clusters)
        for i in cluster.indices {
            let c = cluster[i], j = period[i]
            if let seen = pattern[c][j], seen != treated[i] {
                throw .invalidData("cluster \(c) has cells on both conditions in period \(j); a cluster-period has one condition")
            }
            pattern[c][j] = treated[i]
        }
        var crossover: [Int?] = []
        for c in 0..<clusters {
            guard pattern[c].contains(where: { $0 != nil }) else {
                throw .invalidData("cluster \(c) has no cells; number clusters 0…\(clusters - 1) without gaps")
            }
            let first = pattern[c].firstIndex { $0 == true }
            if let first, let back = pattern[c][first...].firstIndex(where: { $0 == false }) {
                throw .invalidData(
                    "cluster \(c) is on the intervention in period \(first) but back on control in period \(back); only one-way crossover designs can be inferred, so pass the schedule explicitly")
            }
            crossover.append(first)
        }
        let distinct = Set(crossover.compactMap { $0 }).sorted().map { Optional($0) }
            + (crossover.contains(nil) ? [nil] : [])
        allocation = crossover.map { k in distinct.firstIndex(of: k)! }
        crossoverPeriods = distinct
        schedule = distinct.map { k in (0..<periods).map { j in k.map { j >= $0 } ?? false } }
    }
}
