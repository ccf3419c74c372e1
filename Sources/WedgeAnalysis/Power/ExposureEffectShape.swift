// SPDX-License-Identifier: Apache-2.0

/// How the true treatment effect of a simulated trial depends on exposure time `e` (the number of periods since a
/// site switched, `e = 1` in its first intervention period): the log odds ratio at exposure time `e` is
/// `θ(e) = θ·f(e)` with `θ = logit p₁ − logit p₀` and the fraction `f(e)` below.
///
/// - ``immediate``: `f(e) = 1`: the full effect from the crossover on, the effect that the Hussey–Hughes model
///   assumes.
/// - ``ramp(periods:)``: `f(e) = min(e, K)/K`: the effect grows linearly and reaches `θ` at exposure time `K`
///   (a learning period of `K − 1` periods; `K = 1` is ``immediate``): an effect that builds up as a unit gets
///   used to a procedure, the situation in which Kenny et al. (2022, *Stat Med* 41:4311–4339) show the
///   immediate-treatment model to be biased.
/// - ``fractions(_:)``: `f(e)` given for `e = 1 … n`; longer exposures keep the last value. Any finite values: an
///   effect that fades (`1, 0.8, 0.6`) or arrives late (`0, 0, 1`).
///
/// The simulation averages `θ(e)` over the TATE range to get the true value of the time-averaged treatment effect
/// that the exposure-time analyses estimate.
public enum ExposureEffectShape: Sendable, Equatable {
    /// The full effect at every exposure time.
    case immediate
    /// A linear ramp reaching the full effect at exposure time `periods` (at least 1).
    case ramp(periods: Int)
    /// The fraction of the full effect at exposure times 1, 2, …; the last one carries on.
    case fractions([Double])

    /// The fraction `f(e)` of the full effect at exposure time `e`; 0 under control (`e ≤ 0`).
    /// - Parameter exposure: The exposure time `e`.
    /// - Returns: `f(e)`.
    public func fraction(atExposure exposure: Int) -> Double {
        guard exposure > 0 else { return 0 }
        switch self {
        case .immediate:
            return 1
        case .ramp(let k):
            return k <= 1 ? 1 : Double(min(exposure, k)) / Double(k)
        case .fractions(let f):
            return f.isEmpty ? 1 : f[min(exposure, f.count) - 1]
        }
    }

    /// Whether the effect is the same at every exposure time (``immediate``, a ramp over one period, or fractions
    /// that are all 1).
    public var isImmediate: Bool {
        switch self {
        case .immediate: return true
        case .ramp(let k): return k <= 1
        case .fractions(let f): return f.allSatisfy { $0 == 1 }
        }
    }
}
