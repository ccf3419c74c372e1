// SPDX-License-Identifier: Apache-2.0

/// Student's t distribution with `ν` degrees of freedom.
///
/// ## Mathematical properties
/// - For `t < 0`, `cdf(t, ν) = ½·I_x(ν/2, ½)` with `x = ν/(ν + t²)`
///   (Abramowitz & Stegun 26.7.1 via 26.5.27); `cdf(t) = 1 − cdf(−t)` for `t > 0`.
///   Both `x` and `1 − x = t²/(ν + t²)` are formed directly, so the result keeps its
///   relative accuracy (about 1e-13) in the lower tail and near the centre.
/// - ``quantile(_:degreesOfFreedom:)`` inverts the incomplete beta function in whichever
///   of `x` or `1 − x` is below ½, so `t` does not suffer cancellation.
/// - Non-integer `ν > 0` is allowed; `ν = +∞` gives the standard ``Normal``.
///
/// NaN behaviour: NaN arguments, or `ν ≤ 0`, give NaN. `t = ±∞` gives 0 or 1.
///
/// Reference: M. Abramowitz & I. A. Stegun (1964), *Handbook of Mathematical Functions*, 26.7.
public enum StudentT {
    /// The distribution function `P(T_ν ≤ t)`.
    ///
    /// - Parameters:
    ///   - t: The point at which to evaluate.
    ///   - degreesOfFreedom: `ν > 0` (may be `+∞`).
    /// - Returns: A probability in [0, 1].
    public static func cdf(_ t: Double, degreesOfFreedom: Double) -> Double {
        let nu = degreesOfFreedom
        guard !t.isNaN, nu > 0 else { return .nan }
        if nu == .infinity { return Normal.cdf(t) }
        if t.isInfinite { return t < 0 ? 0 : 1 }
        let t2 = t * t
        // Written so that t² = ∞ gives x = 0, y = 1 rather than ∞/∞.
        let x = nu / (nu + t2), y = 1 / (1 + nu / t2)
        let tail = 0.5 * IncompleteBeta.regularized(x: x, y: y, a: nu / 2, b: 0.5).lower
        return t < 0 ? tail : 1 - tail
    }

    /// The upper tail `P(T_ν > t) = cdf(−t)`, exact by symmetry and accurate when tiny.
    ///
    /// - Parameters:
    ///   - t: The point at which to evaluate.
    ///   - degreesOfFreedom: `ν > 0` (may be `+∞`).
    /// - Returns: A probability in [0, 1].
    public static func complementaryCDF(_ t: Double, degreesOfFreedom: Double) -> Double {
        cdf(-t, degreesOfFreedom: degreesOfFreedom)
    }

    /// The quantile function: the `t` with `P(T_ν ≤ t) = p`.
    ///
    /// With `P = min(p, 1 − p)`: if `2P ≤ I_{½}(ν/2, ½)` (that is `t² ≥ ν`) solve
    /// `I_x(ν/2, ½) = 2P` and return `√(ν(1 − x)/x)`; otherwise solve
    /// `I_y(½, ν/2) = 1 − 2P` and return `√(νy/(1 − y))`; negate when `p < ½`.
    /// Edge cases: `p = 0 → −∞`, `p = 1 → +∞`, `p = ½ → 0`; `p` outside [0, 1] or NaN → NaN.
    /// - Parameters:
    ///   - p: A probability.
    ///   - degreesOfFreedom: `ν > 0` (may be `+∞`).
    /// - Returns: The `p`-quantile.
    public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        let nu = degreesOfFreedom
        guard p >= 0, p <= 1, nu > 0 else { return .nan }
        if nu == .infinity { return Normal.quantile(p) }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let smaller = min(p, 1 - p)  // exact: 1 − p has no rounding for p ≥ ½
        let twoP = 2 * smaller
        let pivot = IncompleteBeta.regularized(x: 0.5, y: 0.5, a: nu / 2, b: 0.5).lower
        let magnitude: Double
        if twoP <= pivot {
            let x = IncompleteBeta.inverse(p: twoP, q: 1 - twoP, a: nu / 2, b: 0.5)
            magnitude = (nu * (1 - x) / x).squareRoot()
        } else {
            let y = IncompleteBeta.inverse(p: 1 - twoP, q: twoP, a: 0.5, b: nu / 2)
            magnitude = (nu * y / (1 - y)).squareRoot()
        }
        return p < 0.5 ? -magnitude : magnitude
    }
}
