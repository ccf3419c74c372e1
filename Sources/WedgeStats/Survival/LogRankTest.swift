// SPDX-License-Identifier: Apache-2.0

/// The log-rank test that `k ≥ 2` groups share one survival curve, as `survival::survdiff(rho = 0)`.
///
/// ## Mathematical properties
/// At each distinct event time (within a stratum) with `n` at risk, `d` events, and `n_g`, `d_g`
/// in group `g` (Mantel 1966; Peto & Peto 1972):
/// - observed `O_g = Σ d_g`, expected `E_g = Σ d·n_g/n`;
/// - hypergeometric covariance `V_gh = Σ d(n − d)/(n(n − 1)) · n_g(δ_gh − n_h/n)` (0 when `n = 1`);
/// - `χ² = (O − E)ᵀ V⁻¹ (O − E)` over the groups with `E_g > 0`, dropping the first of them
///   (`V` has rank `k − 1`); `df` = (groups with `E_g > 0`) − 1; `p = P(χ²_df > χ²)`.
///
/// With strata, `O`, `E` and `V` are summed over strata (the stratified log-rank test).
/// Fewer than two groups with `E_g > 0` gives `χ² = 0` and `p = 1`; a singular `V` gives NaN.
/// Exact arithmetic apart from rounding: tests agree with survival 3.5.3 to 1e-10 relative.
///
/// References: N. Mantel (1966), "Evaluation of survival data and two new rank order statistics
/// arising in its consideration", *Cancer Chemotherapy Reports* 50, 163–170. R. Peto & J. Peto (1972),
/// "Asymptotically efficient rank invariant test procedures", *JRSS A* 135, 185–207.
public struct LogRankTest: Sendable, Equatable {
    /// The distinct group labels, ascending; every per-group array follows this order.
    public let groups: [Int]
    /// The number of observations in each group.
    public let sizes: [Int]
    /// `O_g`, the observed events per group.
    public let observed: [Double]
    /// `E_g`, the expected events per group under the null hypothesis.
    public let expected: [Double]
    /// `V`, the `k × k` covariance matrix of `O − E`.
    public let variance: Matrix
    /// The test statistic `χ²`.
    public let chiSquared: Double
    /// Its degrees of freedom, the number of groups with `E_g > 0` minus one (0, not R's −1, when no
    /// group has any expected events).
    public let degreesOfFreedom: Int
    /// `P(χ²_df > χ²)`; 1 when `df = 0`.
    public let pValue: Double

    /// Runs the test.
    ///
    /// Observations whose time is NaN are dropped.
    /// - Parameters:
    ///   - time: Follow-up time of each observation.
    ///   - event: `true` for an event, `false` for censoring.
    ///   - group: The group label of each observation (any integers; for example 0 = standard, 1 = rapid).
    ///   - strata: Optional stratum labels (for example the period); `nil` for one stratum.
    public init(time: [Double], event: [Bool], group: [Int], strata: [Int]? = nil) {
        precondition(time.count == event.count && time.count == group.count, "length mismatch")
        precondition(strata.map { $0.count == time.count } ?? true, "strata length mismatch")
        let used = time.indices.filter { !time[$0].isNaN }
        let labels = Array(Set(used.map { group[$0] })).sorted()
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let k = labels.count
        var o = Array(repeating: 0.0, count: k)
        var e = o
        var v = Matrix(rows: k, columns: k)
        var sizes = Array(repeating: 0, count: k)
        for i in used { sizes[index[group[i]]!] += 1 }
        let stratumOf: (Int) -> Int = { strata?[$0] ?? 0 }
        // Descending time within stratum, so the risk set grows as we walk.
        let order = used.sorted {
            stratumOf($0) != stratumOf($1) ? stratumOf($0) < stratumOf($1) : time[$0] > time[$1]
        }
        var atRisk = Array(repeating: 0.0, count: k)
        var p = 0
        while p < order.count {
            if p == 0 || stratumOf(order[p]) != stratumOf(order[p - 1]) {
                atRisk = Array(repeating: 0.0, count: k)
            }
            let t = time[order[p]]
            let s = stratumOf(order[p])
            var deaths = Array(repeating: 0.0, count: k)
            while p < order.count, time[order[p]] == t, stratumOf(order[p]) == s {
                let g = index[group[order[p]]]!
                atRisk[g] += 1
                if event[order[p]] { deaths[g] += 1 }
                p += 1
            }
            let d = deaths.reduce(0, +)
            guard d > 0 else { continue }
            let n = atRisk.reduce(0, +)
            for g in 0..<k {
                o[g] += deaths[g]
                e[g] += d * atRisk[g] / n
            }
            guard n > 1 else { continue }
            let kt = d * (n - d) / (n * (n - 1))
            for g in 0..<k {
                v[g, g] += kt * atRisk[g] * (n - atRisk[g]) / n
                for h in 0..<g {
                    let c = -kt * atRisk[g] * atRisk[h] / n
                    v[g, h] += c
                    v[h, g] += c
                }
            }
        }
        let kept = (0..<k).filter { e[$0] > 0 }
        let df = Swift.max(kept.count - 1, 0)
        var chi = 0.0
        if kept.count >= 2 {
            let free = Array(kept.dropFirst())
            var sub = Matrix(rows: free.count, columns: free.count)
            for (a, g) in free.enumerated() { for (b, h) in free.enumerated() { sub[a, b] = v[g, h] } }
            let diff = free.map { o[$0] - e[$0] }
            if let chol = Cholesky(sub) {
                chi = zip(chol.solve(diff), diff).reduce(0) { $0 + $1.0 * $1.1 }
            } else {
                chi = .nan
            }
        }
        groups = labels
        self.sizes = sizes
        observed = o
        expected = e
        variance = v
        chiSquared = chi
        degreesOfFreedom = df
        pValue = df > 0 ? ChiSquared.complementaryCDF(chi, degreesOfFreedom: Double(df)) : 1
    }
}
