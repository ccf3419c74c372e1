// SPDX-License-Identifier: Apache-2.0

/// The chi-squared distribution χ²(ν) with `ν` degrees of freedom.
///
/// χ²(ν) is Gamma(shape `ν/2`, scale 2), so every function delegates to ``Gamma``:
/// `cdf(x, ν) = P(ν/2, x/2)`, the regularized lower incomplete gamma function.
/// Non-integer `ν > 0` is allowed. Accuracy and NaN behaviour are those of ``Gamma``;
/// `ν` that is NaN, not finite or not positive gives NaN.
///
/// Reference: M. Abramowitz & I. A. Stegun (1964), *Handbook of Mathematical Functions*, 26.4.19.
public enum ChiSquared {
    /// The distribution function `P(χ²_ν ≤ x) = P(ν/2, x/2)`.
    ///
    /// Edge cases: `x ≤ 0 → 0`, `x = +∞ → 1`.
    /// - Parameters:
    ///   - x: The point at which to evaluate.
    ///   - degreesOfFreedom: `ν > 0`.
    /// - Returns: A probability in [0, 1].
    public static func cdf(_ x: Double, degreesOfFreedom: Double) -> Double {
        Gamma.cdf(x, shape: degreesOfFreedom / 2, scale: 2)
    }

    /// The upper tail `P(χ²_ν > x) = Q(ν/2, x/2)`, accurate for tiny p-values.
    ///
    /// Edge cases: `x ≤ 0 → 1`, `x = +∞ → 0`.
    /// - Parameters:
    ///   - x: The point at which to evaluate.
    ///   - degreesOfFreedom: `ν > 0`.
    /// - Returns: A probability in [0, 1].
    public static func complementaryCDF(_ x: Double, degreesOfFreedom: Double) -> Double {
        Gamma.complementaryCDF(x, shape: degreesOfFreedom / 2, scale: 2)
    }

    /// The quantile function: the `x` with `P(χ²_ν ≤ x) = p`.
    ///
    /// Edge cases: `p = 0 → 0`, `p = 1 → +∞`; `p` outside [0, 1] or NaN → NaN.
    /// - Parameters:
    ///   - p: A probability.
    ///   - degreesOfFreedom: `ν > 0`.
    /// - Returns: The `p`-quantile.
    public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        Gamma.quantile(p, shape: degreesOfFreedom / 2, scale: 2)
    }

    /// The upper-tail quantile (critical value): the `x` with `P(χ²_ν > x) = q`.
    ///
    /// - Parameters:
    ///   - q: An upper-tail probability, for example a significance level.
    ///   - degreesOfFreedom: `ν > 0`.
    /// - Returns: The `(1 − q)`-quantile.
    public static func complementaryQuantile(_ q: Double, degreesOfFreedom: Double) -> Double {
        Gamma.complementaryQuantile(q, shape: degreesOfFreedom / 2, scale: 2)
    }
}
