// SPDX-License-Identifier: Apache-2.0

/// The non-parametric within-period (NPWP) estimator of Thompson, Davey, Fielding, Hargreaves & Hayes
/// (2018), "Robust analysis of stepped wedge trials using cluster-level summaries within periods",
/// *Stat Med* 37(16):2487–2500: vertical, cluster-level comparisons within each period, combined
/// across periods.
///
/// ## Estimator
/// 1. **Cluster-period summaries.** `p_cj = Σ y / Σ n` over the cells of cluster `c` in period `j`
///    (cells with no trials are ignored; a cluster-period without trials has no summary).
/// 2. **Within-period contrasts.** In period `j`, with `I_j` the intervention clusters and `C_j` the
///    control clusters that have a summary, `d_j = mean_{c∈I_j} p_cj − mean_{c∈C_j} p_cj`. Periods
///    without both kinds of cluster (in a stepped wedge, usually the first and last) give no contrast.
/// 3. **Combination.** `θ̂ = Σ_j w_j d_j / Σ_j w_j` with `w_j = 1 / (1/|I_j| + 1/|C_j|)`: the inverse of
///    the variance of `d_j` under the working assumption that every cluster summary has the same
///    variance σ² (then `Var d_j = σ²(1/|I_j| + 1/|C_j|)` and σ² cancels): the paper's
///    inverse-variance-weighted average of the period-specific effects.
///
/// The result is on the risk-difference scale. Inference comes from ``PermutationTest`` with
/// ``statistic(schedule:)``, never from a variance formula (the paper's point: period effects may
/// differ between clusters). A confidence interval comes from ``PermutationInterval``: under
/// `H₀: θ = θ₀` the summaries of intervention cluster-periods are shifted by `−θ₀`
/// (``shifted(by:treated:)``), an additive effect on the summary scale as in Thompson et al.
///
/// NaN behaviour: none is produced; a design without any period that has both conditions gives `nil`.
public struct NonparametricWithinPeriod: Sendable, Equatable {
    /// The cluster of each cluster-period summary.
    public let cluster: [Int]
    /// The period of each summary.
    public let period: [Int]
    /// The summary `p_cj` (a proportion, or a shifted proportion after ``shifted(by:treated:)``).
    public let summary: [Double]

    /// Aggregates cells into cluster-period proportions.
    /// - Parameters:
    ///   - cluster: The 0-based cluster of each cell.
    ///   - period: The 0-based period of each cell.
    ///   - successes: Successes per cell.
    ///   - trials: Trials per cell.
    /// - Throws: ``RandomizationError/invalidData(_:)`` for mismatched lengths, negative indices, or
    ///   counts that are not `0 ≤ successes ≤ trials` (the message names the cell and its values).
    public init(cluster: [Int], period: [Int], successes: [Double], trials: [Double]) throws(RandomizationError) {
        let m = cluster.count
        guard period.count == m, successes.count == m, trials.count == m else {
            throw .invalidData(
                "cluster, period, successes and trials have lengths \(m), \(period.count), \(successes.count), \(trials.count); they must agree")
        }
        var totals: [Key: (y: Double, n: Double)] = [:]
        for i in 0..<m {
            let y = successes[i], n = trials[i]
            guard cluster[i] >= 0, period[i] >= 0 else {
                throw .invalidData("cell \(i) has cluster \(cluster[i]) and period \(period[i]); indices must be ≥ 0")
            }
            guard y.isFinite, n.isFinite, y >= 0, n >= 0, y <= n else {
                throw .invalidData("cell \(i) has successes \(y) of trials \(n); need 0 ≤ successes ≤ trials")
            }
            let key = Key(cluster: cluster[i], period: period[i])
            let t = totals[key] ?? (0, 0)
            totals[key] = (t.y + y, t.n + n)
        }
        let keys = totals.keys.filter { totals[$0]!.n > 0 }.sorted { ($0.period, $0.cluster) < ($1.period, $1.cluster) }
        self.cluster = keys.map(\.cluster)
        self.period = keys.map(\.period)
        self.summary = keys.map { totals[$0]!.y / totals[$0]!.n }
    }

    /// A table of summaries directly (for example cluster-period means of a continuous outcome).
    /// - Parameters:
    ///   - cluster: Cluster of each summary.
    ///   - period: Period of each summary.
    ///   - summary: The summaries; non-finite ones, and entries beyond the shorter index array, are dropped.
    public init(cluster: [Int], period: [Int], summary: [Double]) {
        let keep = summary.indices
            .filter { $0 < cluster.count && $0 < period.count && summary[$0].isFinite }
            .sorted { (period[$0], cluster[$0]) < (period[$1], cluster[$1]) }
        self.cluster = keep.map { cluster[$0] }
        self.period = keep.map { period[$0] }
        self.summary = keep.map { summary[$0] }
    }

    /// The estimate when cluster `c` is on the intervention in period `j` exactly when `treated(c, j)`.
    /// - Parameter treated: The condition of each cluster-period.
    /// - Returns: The weighted within-period difference, or `nil` when no period has both conditions.
    public func estimate(treated: (_ cluster: Int, _ period: Int) -> Bool) -> NPWPEstimate? {
        var contrasts: [NPWPPeriodContrast] = []
        var k = 0
        while k < summary.count {
            let j = period[k]
            var sumT = 0.0, sumC = 0.0, nT = 0, nC = 0
            while k < summary.count && period[k] == j {
                if treated(cluster[k], j) { sumT += summary[k]; nT += 1 } else { sumC += summary[k]; nC += 1 }
                k += 1
            }
            guard nT > 0 && nC > 0 else { continue }
            let meanT = sumT / Double(nT), meanC = sumC / Double(nC)
            contrasts.append(NPWPPeriodContrast(
                period: j, interventionClusters: nT, controlClusters: nC, interventionMean: meanT,
                controlMean: meanC, difference: meanT - meanC,
                weight: 1 / (1 / Double(nT) + 1 / Double(nC))))
        }
        guard !contrasts.isEmpty else { return nil }
        var numerator = 0.0, total = 0.0
        for c in contrasts {
            numerator += c.weight * c.difference
            total += c.weight
        }
        let value = numerator / total
        return value.isFinite ? NPWPEstimate(estimate: value, periods: contrasts) : nil
    }

    /// The permutation statistic: the estimate when cluster `c` follows sequence `allocation[c]` of
    /// `schedule` (`schedule[s][j]` true when sequence `s` is on the intervention in period `j`).
    /// Gives `nil` for an allocation that is too short, names an unknown sequence, or leaves no period
    /// with both conditions.
    /// - Parameter schedule: Treatment status of each sequence in each period.
    /// - Returns: A statistic for ``PermutationTest/run(observed:space:options:statistic:)``.
    public func statistic(schedule: [[Bool]]) -> @Sendable ([Int]) -> Double? {
        let table = self
        return { allocation in
            for c in table.cluster {
                guard c < allocation.count, schedule.indices.contains(allocation[c]) else { return nil }
            }
            for k in table.summary.indices {
                guard table.period[k] < schedule[allocation[table.cluster[k]]].count else { return nil }
            }
            return table.estimate { c, j in schedule[allocation[c]][j] }?.estimate
        }
    }

    /// The summaries adjusted to the null hypothesis `θ = θ₀`: `p_cj − θ₀` for the cluster-periods that
    /// were on the intervention, unchanged otherwise.
    /// - Parameters:
    ///   - theta0: The hypothesised risk difference.
    ///   - treated: The observed condition of each cluster-period.
    /// - Returns: The shifted table.
    public func shifted(by theta0: Double, treated: (_ cluster: Int, _ period: Int) -> Bool) -> NonparametricWithinPeriod {
        let values = summary.indices.map { treated(cluster[$0], period[$0]) ? summary[$0] - theta0 : summary[$0] }
        return NonparametricWithinPeriod(cluster: cluster, period: period, summary: values)
    }

    struct Key: Hashable {
        var cluster: Int
        var period: Int
    }
}
