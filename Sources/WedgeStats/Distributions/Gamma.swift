// SPDX-License-Identifier: Apache-2.0

/// The gamma distribution with shape `k` and scale `θ`, and the regularized incomplete gamma functions.
///
/// ## Mathematical properties
/// - ``cdf(_:shape:scale:)`` is the regularized lower incomplete gamma function
///   `P(k, x/θ) = γ(k, x/θ) / Γ(k)`; ``complementaryCDF(_:shape:scale:)`` is `Q = 1 − P`.
///   For `x/θ < k + 1` the series `P = e^{−x} x^k Σ xⁿ / (k(k+1)…(k+n))` is summed;
///   otherwise `Q` comes from its continued fraction (modified Lentz). The smaller
///   of `P` and `Q` is always computed directly, so each is accurate in its own tail.
///   The prefactor `exp(−x + k log x − lnΓ(k))` limits relative accuracy to about 1e-13 for `k ≲ 10⁴`.
/// - ``quantile(_:shape:scale:)`` starts from the Wilson–Hilferty approximation
///   (or a power law for `k ≤ 1`) and refines with bracketed Halley steps.
///
/// NaN behaviour: NaN arguments, or shape/scale not finite and positive, give NaN.
///
/// References: W. H. Press et al. (2007), *Numerical Recipes*, 3rd ed., §6.2;
/// E. B. Wilson & M. M. Hilferty (1931), *PNAS* 17(12), 684–688.
public enum Gamma {
    /// The distribution function `P(k, x/θ)`.
    ///
    /// Edge cases: `x ≤ 0 → 0`, `x = +∞ → 1`.
    /// - Parameters:
    ///   - x: The point at which to evaluate.
    ///   - shape: The shape `k > 0`.
    ///   - scale: The scale `θ > 0` (default 1).
    /// - Returns: `P(X ≤ x)` in [0, 1].
    public static func cdf(_ x: Double, shape: Double, scale: Double = 1) -> Double {
        guard scale > 0, scale.isFinite else { return .nan }
        return IncompleteGamma.regularized(a: shape, x: x / scale).lower
    }

    /// The upper tail `Q(k, x/θ) = 1 − P(k, x/θ)`, accurate when it is tiny.
    ///
    /// Edge cases: `x ≤ 0 → 1`, `x = +∞ → 0`.
    /// - Parameters:
    ///   - x: The point at which to evaluate.
    ///   - shape: The shape `k > 0`.
    ///   - scale: The scale `θ > 0` (default 1).
    /// - Returns: `P(X > x)` in [0, 1].
    public static func complementaryCDF(_ x: Double, shape: Double, scale: Double = 1) -> Double {
        guard scale > 0, scale.isFinite else { return .nan }
        return IncompleteGamma.regularized(a: shape, x: x / scale).upper
    }

    /// The quantile function: the `x ≥ 0` with `P(k, x/θ) = p`.
    ///
    /// Edge cases: `p = 0 → 0`, `p = 1 → +∞`; `p` outside [0, 1] or NaN → NaN.
    /// - Parameters:
    ///   - p: A probability.
    ///   - shape: The shape `k > 0`.
    ///   - scale: The scale `θ > 0` (default 1).
    /// - Returns: The `p`-quantile.
    public static func quantile(_ p: Double, shape: Double, scale: Double = 1) -> Double {
        guard scale > 0, scale.isFinite else { return .nan }
        return scale * IncompleteGamma.inverse(p: p, q: 1 - p, a: shape)
    }

    /// The upper-tail quantile: the `x` with `Q(k, x/θ) = q`, accurate for tiny `q`.
    ///
    /// Edge cases: `q = 0 → +∞`, `q = 1 → 0`; `q` outside [0, 1] or NaN → NaN.
    /// - Parameters:
    ///   - q: An upper-tail probability.
    ///   - shape: The shape `k > 0`.
    ///   - scale: The scale `θ > 0` (default 1).
    /// - Returns: The `(1 − q)`-quantile.
    public static func complementaryQuantile(_ q: Double, shape: Double, scale: Double = 1) -> Double {
        guard scale > 0, scale.isFinite else { return .nan }
        return scale * IncompleteGamma.inverse(p: 1 - q, q: q, a: shape)
    }
}
