// SPDX-License-Identifier: Apache-2.0

import RealModule

/// The odds ratio of a 2×2 table, with Woolf's logit interval.
///
/// Reference: B. Woolf (1955), "On estimating the relation between blood group and disease",
/// *Annals of Human Genetics* 19, 251–253.
public enum OddsRatio {
    /// Woolf's interval `exp(log OR ± z·√(1/a + 1/b + 1/c + 1/d))`, `OR = ad/(bc)`.
    ///
    /// Here `a = x₁`, `b = n₁ − x₁`, `c = x₂`, `d = n₂ − x₂`.
    ///
    /// Zero cells, with ``ZeroCellCorrection/none``: if any of `a, b, c, d` is zero the estimate is
    /// `ad/(bc)` in IEEE arithmetic (`0`, `+∞`, or NaN for `0/0`) and the interval is `[0, +∞]`.
    /// With ``ZeroCellCorrection/haldaneAnscombe`` ½ is added to all four cells in that case.
    /// Invalid counts or level outside (0, 1) give NaN fields.
    /// - Parameters:
    ///   - successes1: `x₁`, events in the index group.
    ///   - trials1: `n₁`.
    ///   - successes2: `x₂`, events in the reference group.
    ///   - trials2: `n₂`.
    ///   - confidenceLevel: Two-sided coverage (default 0.95).
    ///   - zeroCellCorrection: Zero-cell policy (default ``ZeroCellCorrection/none``).
    /// - Returns: The odds ratio with its interval.
    public static func woolf(
        successes1: Int, trials1: Int, successes2: Int, trials2: Int,
        confidenceLevel: Double = 0.95, zeroCellCorrection: ZeroCellCorrection = .none
    ) -> IntervalEstimate {
        guard RiskDifference.isValid(successes1, trials1), RiskDifference.isValid(successes2, trials2)
        else { return .undefined(confidenceLevel) }
        let z = IntervalEstimate.criticalValue(confidenceLevel)
        guard z.isFinite else { return .undefined(confidenceLevel) }
        var a = Double(successes1), b = Double(trials1 - successes1)
        var c = Double(successes2), d = Double(trials2 - successes2)
        let hasZero = min(a, b, c, d) == 0
        if zeroCellCorrection == .haldaneAnscombe && hasZero {
            a += 0.5; b += 0.5; c += 0.5; d += 0.5
        }
        let ratio = (a * d) / (b * c)
        guard min(a, b, c, d) > 0 else {
            return IntervalEstimate(estimate: ratio, lower: 0, upper: .infinity, confidenceLevel: confidenceLevel)
        }
        let se = (1 / a + 1 / b + 1 / c + 1 / d).squareRoot()
        let logRatio = Double.log(ratio)
        return IntervalEstimate(
            estimate: ratio, lower: Double.exp(logRatio - z * se), upper: Double.exp(logRatio + z * se),
            confidenceLevel: confidenceLevel)
    }
}
