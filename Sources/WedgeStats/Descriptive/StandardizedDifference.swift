// SPDX-License-Identifier: Apache-2.0

/// Standardized mean differences (SMDs), the balance diagnostic of a Table 1.
///
/// An SMD compares two groups in units of their pooled standard deviation, so it does not grow with the sample
/// size as a p-value does; |SMD| > 0.1 is the conventional flag for imbalance (Austin 2009). All three forms
/// are reported as absolute values, as R's `tableone` does.
///
/// References: P. C. Austin (2009), "Balance diagnostics for comparing the distribution of baseline covariates
/// between treatment groups in propensity-score matched samples", *Statistics in Medicine* 28, 3083–3107.
/// D. Yang & J. E. Dalton (2012), "A unified approach to measuring the effect size between two groups using
/// SAS", SAS Global Forum, paper 335-2012.
public enum StandardizedDifference {
    /// The SMD of a continuous variable: `|x̄₁ − x̄₂| / √((s₁² + s₂²)/2)`.
    ///
    /// NaN when either standard deviation is NaN, or when both are zero and the means differ by zero
    /// (`0/0`); `+∞` when both standard deviations are zero and the means differ.
    /// - Parameters:
    ///   - mean1: The mean of group 1.
    ///   - sd1: The standard deviation of group 1.
    ///   - mean2: The mean of group 2.
    ///   - sd2: The standard deviation of group 2.
    public static func continuous(mean1: Double, sd1: Double, mean2: Double, sd2: Double) -> Double {
        abs(mean1 - mean2) / ((sd1 * sd1 + sd2 * sd2) / 2).squareRoot()
    }

    /// The SMD of a binary variable: `|p₁ − p₂| / √((p₁(1 − p₁) + p₂(1 − p₂))/2)`.
    ///
    /// NaN when both proportions are 0, or both 1 (no variation: `0/0`).
    /// - Parameters:
    ///   - p1: The proportion in group 1.
    ///   - p2: The proportion in group 2.
    public static func binary(_ p1: Double, _ p2: Double) -> Double {
        abs(p1 - p2) / ((p1 * (1 - p1) + p2 * (1 - p2)) / 2).squareRoot()
    }

    /// The SMD of a categorical variable with `k` levels (Yang & Dalton 2012): `√((T − C)ᵀ S⁻¹ (T − C))`, where
    /// `T` and `C` hold the proportions of levels 2…k in each group, and
    /// `S_ll = (T_l(1 − T_l) + C_l(1 − C_l))/2`, `S_lm = −(T_l T_m + C_l C_m)/2` for `l ≠ m`.
    ///
    /// With two levels it equals ``binary(_:_:)``. Levels absent from both groups are dropped first (their
    /// rows of `S` would be zero). NaN when fewer than two levels remain, when the arrays differ in length,
    /// or when `S` is not positive definite.
    /// - Parameters:
    ///   - p1: The proportions of every level in group 1, in level order (summing to 1).
    ///   - p2: The proportions of every level in group 2.
    public static func categorical(_ p1: [Double], _ p2: [Double]) -> Double {
        guard p1.count == p2.count else { return .nan }
        let used = p1.indices.filter { p1[$0] > 0 || p2[$0] > 0 }
        guard used.count >= 2 else { return .nan }
        if used.count == 2 { return binary(p1[used[1]], p2[used[1]]) }
        let levels = Array(used.dropFirst())
        let k = levels.count
        var s = Matrix(rows: k, columns: k)
        for (a, l) in levels.enumerated() {
            for (b, m) in levels.enumerated() {
                s[a, b] = a == b ? (p1[l] * (1 - p1[l]) + p2[l] * (1 - p2[l])) / 2 : -(p1[l] * p1[m] + p2[l] * p2[m]) / 2
            }
        }
        let difference = levels.map { p1[$0] - p2[$0] }
        guard let cholesky = Cholesky(s) else { return .nan }
        let solved = cholesky.solve(difference)
        let quadratic = zip(difference, solved).reduce(0) { $0 + $1.0 * $1.1 }
        return quadratic >= 0 ? quadratic.squareRoot() : .nan
    }
}
