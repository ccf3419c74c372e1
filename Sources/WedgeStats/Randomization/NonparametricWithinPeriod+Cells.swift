// SPDX-License-Identifier: Apache-2.0

extension NonparametricWithinPeriod {
    /// The NPWP estimate straight from per-cell arrays with each cell's observed condition.
    ///
    /// ```swift
    /// let npwp = try NonparametricWithinPeriod.estimate(
    ///     cluster: cluster, period: period, treated: rapid, successes: initiated, trials: enrolled)
    /// print(npwp?.estimate ?? "no period with both conditions")
    /// ```
    /// - Parameters:
    ///   - cluster: The 0-based cluster of each cell.
    ///   - period: The 0-based period of each cell.
    ///   - treated: Whether each cell was on the intervention.
    ///   - successes: Successes per cell.
    ///   - trials: Trials per cell.
    /// - Returns: The estimate, or `nil` when no period has both conditions.
    /// - Throws: ``RandomizationError/invalidData(_:)`` for mismatched lengths, invalid counts, or a
    ///   cluster-period whose cells disagree on the condition (the message names both cells).
    public static func estimate(
        cluster: [Int], period: [Int], treated: [Bool], successes: [Double], trials: [Double]
    ) throws(RandomizationError) -> NPWPEstimate? {
        let table = try NonparametricWithinPeriod(cluster: cluster, period: period, successes: successes, trials: trials)
        guard treated.count == cluster.count else {
            throw .invalidData("\(treated.count) treatment flags for \(cluster.count) cells; give one per cell")
        }
        var condition: [Key: (flag: Bool, cell: Int)] = [:]
        for i in cluster.indices {
            let key = Key(cluster: cluster[i], period: period[i])
            if let seen = condition[key], seen.flag != treated[i] {
                throw .invalidData(
                    "cells \(seen.cell) and \(i) (cluster \(cluster[i]), period \(period[i])) disagree on the condition; a cluster-period has one condition")
            }
            condition[key] = condition[key] ?? (treated[i], i)
        }
        return table.estimate { c, j in condition[Key(cluster: c, period: j)]?.flag ?? false }
    }
}
