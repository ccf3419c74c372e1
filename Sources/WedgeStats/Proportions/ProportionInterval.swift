// SPDX-License-Identifier: Apache-2.0

/// Confidence intervals for a single binomial proportion `x/n`.
///
/// Input rules shared by every function: `n ≥ 1`, `0 ≤ x ≤ n` and
/// `0 < confidenceLevel < 1`; otherwise every field of the result is NaN.
///
/// References: E. B. Wilson (1927), *JASA* 22, 209–212; C. J. Clopper & E. S. Pearson (1934),
/// *Biometrika* 26, 404–413; R. G. Newcombe (1998a), *Statistics in Medicine* 17, 857–872.
public enum ProportionInterval {
    /// The Wilson score interval, without continuity correction.
    ///
    /// With `p̂ = x/n` and `z = Φ⁻¹(1 − α/2)`:
    /// `(p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)`.
    /// The lower limit is exactly 0 when `x = 0` and the upper exactly 1 when `x = n`.
    /// Matches R's `prop.test(x, n, correct = FALSE)$conf.int`.
    /// - Parameters:
    ///   - successes: The count `x`.
    ///   - trials: The count `n`.
    ///   - confidenceLevel: Two-sided coverage `1 − α` (default 0.95).
    /// - Returns: `x/n` with its Wilson interval.
    public static func wilson(successes: Int, trials: Int, confidenceLevel: Double = 0.95) -> IntervalEstimate {
        guard trials > 0, successes >= 0, successes <= trials else { return .undefined(confidenceLevel) }
        let z = IntervalEstimate.criticalValue(confidenceLevel)
        guard z.isFinite else { return .undefined(confidenceLevel) }
        let n = Double(trials), x = Double(successes)
        let p = x / n
        let z2 = z * z
        let centre = (x + z2 / 2) / (n + z2)
        let half = z / (n + z2) * (x * (n - x) / n + z2 / 4).squareRoot()
        let lower = successes == 0 ? 0 : max(0, centre - half)
        let upper = successes == trials ? 1 : min(1, centre + half)
        return IntervalEstimate(estimate: p, lower: lower, upper: upper, confidenceLevel: confidenceLevel)
    }

    /// The Clopper–Pearson "exact" interval, inverting two one-sided binomial tests.
    ///
    /// Lower limit `B⁻¹(α/2; x, n − x + 1)`, upper limit `B⁻¹(1 − α/2; x + 1, n − x)`,
    /// where `B⁻¹` is the ``Beta`` quantile. By definition the lower limit is exactly 0
    /// when `x = 0` and the upper exactly 1 when `x = n`.
    /// Matches R's `binom.test(x, n)$conf.int`.
    /// - Parameters:
    ///   - successes: The count `x`.
    ///   - trials: The count `n`.
    ///   - confidenceLevel: Two-sided coverage `1 − α` (default 0.95).
    /// - Returns: `x/n` with its Clopper–Pearson interval.
    public static func clopperPearson(
        successes: Int, trials: Int, confidenceLevel: Double = 0.95
    ) -> IntervalEstimate {
        guard trials > 0, successes >= 0, successes <= trials,
            confidenceLevel > 0, confidenceLevel < 1
        else { return .undefined(confidenceLevel) }
        let n = Double(trials), x = Double(successes)
        let halfAlpha = (1 - confidenceLevel) / 2
        let lower = successes == 0 ? 0 : Beta.quantile(halfAlpha, a: x, b: n - x + 1)
        let upper = successes == trials ? 1 : Beta.complementaryQuantile(halfAlpha, a: x + 1, b: n - x)
        return IntervalEstimate(estimate: x / n, lower: lower, upper: upper, confidenceLevel: confidenceLevel)
    }
}
