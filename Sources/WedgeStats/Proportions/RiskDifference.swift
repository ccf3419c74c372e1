// SPDX-License-Identifier: Apache-2.0

/// Confidence intervals for the difference of two independent proportions, `p₁ − p₂`.
///
/// `p̂ᵢ = xᵢ/nᵢ`. Each group needs `nᵢ ≥ 1` and `0 ≤ xᵢ ≤ nᵢ`, and
/// `0 < confidenceLevel < 1`; otherwise every field of the result is NaN.
///
/// Reference: R. G. Newcombe (1998), "Interval estimation for the difference between
/// independent proportions: comparison of eleven methods", *Statistics in Medicine* 17, 873–890.
public enum RiskDifference {
    /// The Wald interval `p̂₁ − p̂₂ ± z·√(p̂₁(1 − p̂₁)/n₁ + p̂₂(1 − p̂₂)/n₂)` (Newcombe's method 1).
    ///
    /// Known to under-cover for small samples or extreme proportions; when both `p̂ᵢ`
    /// are 0 or 1 the standard error is 0 and the interval collapses to the point estimate.
    /// Limits are not clipped to [−1, 1].
    /// - Parameters:
    ///   - successes1: `x₁`.
    ///   - trials1: `n₁`.
    ///   - successes2: `x₂`.
    ///   - trials2: `n₂`.
    ///   - confidenceLevel: Two-sided coverage (default 0.95).
    /// - Returns: `p̂₁ − p̂₂` with its Wald interval.
    public static func wald(
        successes1: Int, trials1: Int, successes2: Int, trials2: Int, confidenceLevel: Double = 0.95
    ) -> IntervalEstimate {
        guard isValid(successes1, trials1), isValid(successes2, trials2) else { return .undefined(confidenceLevel) }
        let z = IntervalEstimate.criticalValue(confidenceLevel)
        guard z.isFinite else { return .undefined(confidenceLevel) }
        let n1 = Double(trials1), n2 = Double(trials2)
        let p1 = Double(successes1) / n1, p2 = Double(successes2) / n2
        let se = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2).squareRoot()
        let d = p1 - p2
        return IntervalEstimate(estimate: d, lower: d - z * se, upper: d + z * se, confidenceLevel: confidenceLevel)
    }

    /// Newcombe's hybrid score interval (method 10), built from the two Wilson intervals.
    ///
    /// With `(lᵢ, uᵢ)` the ``ProportionInterval/wilson(successes:trials:confidenceLevel:)``
    /// limits at the same level and `d = p̂₁ − p̂₂`:
    /// `L = d − √((p̂₁ − l₁)² + (u₂ − p̂₂)²)`, `U = d + √((u₁ − p̂₁)² + (p̂₂ − l₂)²)`.
    /// Always within [−1, 1] and well defined for zero counts.
    /// - Parameters:
    ///   - successes1: `x₁`.
    ///   - trials1: `n₁`.
    ///   - successes2: `x₂`.
    ///   - trials2: `n₂`.
    ///   - confidenceLevel: Two-sided coverage (default 0.95).
    /// - Returns: `p̂₁ − p̂₂` with its hybrid score interval.
    public static func newcombe(
        successes1: Int, trials1: Int, successes2: Int, trials2: Int, confidenceLevel: Double = 0.95
    ) -> IntervalEstimate {
        let w1 = ProportionInterval.wilson(successes: successes1, trials: trials1, confidenceLevel: confidenceLevel)
        let w2 = ProportionInterval.wilson(successes: successes2, trials: trials2, confidenceLevel: confidenceLevel)
        guard !w1.lower.isNaN, !w2.lower.isNaN else { return .undefined(confidenceLevel) }
        let p1 = w1.estimate, p2 = w2.estimate
        let d = p1 - p2
        let below = ((p1 - w1.lower) * (p1 - w1.lower) + (w2.upper - p2) * (w2.upper - p2)).squareRoot()
        let above = ((w1.upper - p1) * (w1.upper - p1) + (p2 - w2.lower) * (p2 - w2.lower)).squareRoot()
        return IntervalEstimate(estimate: d, lower: d - below, upper: d + above, confidenceLevel: confidenceLevel)
    }

    /// Whether `0 ≤ x ≤ n` and `n ≥ 1`.
    static func isValid(_ x: Int, _ n: Int) -> Bool {
        n > 0 && x >= 0 && x <= n
    }
}
