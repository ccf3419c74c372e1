// SPDX-License-Identifier: Apache-2.0

import RealModule

/// The ratio of two independent proportions, `p₁ / p₂`, with a log-scale Wald interval.
///
/// Reference: D. Katz, J. Baptista, S. P. Azen & M. C. Pike (1978), "Obtaining confidence
/// intervals for the risk ratio in cohort studies", *Biometrics* 34, 469–474.
public enum RiskRatio {
    /// The Katz log interval `exp(log RR ± z·√(1/a − 1/(a + b) + 1/c − 1/(c + d)))`.
    ///
    /// Here `a = x₁`, `a + b = n₁`, `c = x₂`, `c + d = n₂`, `RR = (a/n₁)/(c/n₂)`.
    ///
    /// Zero cells, with ``ZeroCellCorrection/none``: if `x₁ = 0` or `x₂ = 0` the estimate is
    /// `0`, `+∞` or NaN (both zero) and the interval is `[0, +∞]`. `x₁ = n₁` or `x₂ = n₂` need no
    /// special treatment. With ``ZeroCellCorrection/haldaneAnscombe`` ½ is added to all four cells
    /// whenever any of `a, b, c, d` is zero, and the formula is applied to the corrected table.
    /// Invalid counts (`nᵢ < 1`, `xᵢ` outside `[0, nᵢ]`) or level outside (0, 1) give NaN fields.
    /// - Parameters:
    ///   - successes1: `x₁`, events in the index group.
    ///   - trials1: `n₁`.
    ///   - successes2: `x₂`, events in the reference group.
    ///   - trials2: `n₂`.
    ///   - confidenceLevel: Two-sided coverage (default 0.95).
    ///   - zeroCellCorrection: Zero-cell policy (default ``ZeroCellCorrection/none``).
    /// - Returns: The risk ratio with its interval.
    public static func katz(
        successes1: Int, trials1: Int, successes2: Int, trials2: Int,
        confidenceLevel: Double = 0.95, zeroCellCorrection: ZeroCellCorrection = .none
    ) -> IntervalEstimate {
        guard RiskDifference.isValid(successes1, trials1), RiskDifference.isValid(successes2, trials2)
        else { return .undefined(confidenceLevel) }
        let z = IntervalEstimate.criticalValue(confidenceLevel)
        guard z.isFinite else { return .undefined(confidenceLevel) }
        var a = Double(successes1), b = Double(trials1 - successes1)
        var c = Double(successes2), d = Double(trials2 - successes2)
        if zeroCellCorrection == .haldaneAnscombe && min(a, b, c, d) == 0 {
            a += 0.5; b += 0.5; c += 0.5; d += 0.5
        }
        let ratio = (a / (a + b)) / (c / (c + d))
        guard a > 0, c > 0 else {
            return IntervalEstimate(estimate: ratio, lower: 0, upper: .infinity, confidenceLevel: confidenceLevel)
        }
        let se = (1 / a - 1 / (a + b) + 1 / c - 1 / (c + d)).squareRoot()
        let logRatio = Double.log(ratio)
        return IntervalEstimate(
            estimate: ratio, lower: Double.exp(logRatio - z * se), upper: Double.exp(logRatio + z * se),
            confidenceLevel: confidenceLevel)
    }
}
