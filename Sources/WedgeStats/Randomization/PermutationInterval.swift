// SPDX-License-Identifier: Apache-2.0

/// A confidence interval by inversion of a permutation test: the set of effects `θ₀` that the
/// randomization test does not reject at level `α = 1 − level`.
///
/// ## Method
/// For a hypothesised effect `θ₀` the data are adjusted so that `H₀: θ = θ₀` becomes a null of no
/// effect, and the permutation test of that adjusted problem gives `p(θ₀)`:
/// - **GLMM log OR** (``glmm(_:observed:space:level:options:tolerance:)``): refit with the offset
///   `θ₀·x_obs` (the observed treatment times `θ₀`) and the permuted treatment column `x*` as the only
///   treatment term; the statistic is the coefficient of `x*`, centred at 0 (Rabideau & Wang 2021,
///   "Randomization-based confidence intervals for cluster randomized trials", *Biostatistics* 23(4);
///   Ji, Fink, Robyn & Small 2017, "Randomization inference for stepped-wedge cluster-randomized
///   trials: an application to community-based health insurance", *Ann Appl Stat* 11(1):1–20).
/// - **NPWP risk difference** (``npwp(_:schedule:observed:space:level:options:tolerance:)``): subtract
///   `θ₀` from the summaries of the intervention cluster-periods and permute (Thompson et al. 2018).
///
/// The interval is `{θ₀ : p(θ₀) > α}`. Each endpoint is found from the estimate outward: steps of
/// `h, 2h, 4h, …` (up to ``invert(estimate:step:level:tolerance:maxExpansions:pValue:)``'s
/// `maxExpansions`) until `p ≤ α`, then bisection until the bracket is narrower than the tolerance;
/// the endpoint reported is the midpoint of the final bracket. A side that never reaches `p ≤ α` is
/// unbounded (`nil`). Because `p(θ₀)` is a step function (multiples of `1/N` when exact), the interval
/// is exact only up to the tolerance; every `p(θ₀)` uses the same allocations (the same Monte Carlo
/// draws when sampling), so the search is deterministic and `p(θ₀)` varies smoothly with `θ₀`.
/// The search assumes `p(θ₀)` falls off monotonically on each side of the estimate, which holds
/// approximately for these statistics; if it does not, the outermost crossing is not searched for.
public struct PermutationInterval: Sendable, Equatable {
    /// The point estimate the search starts from.
    public var estimate: Double
    /// The lower endpoint, or `nil` when `p(θ₀) > α` everywhere searched below the estimate (unbounded).
    public var lower: Double?
    /// The upper endpoint, or `nil` when unbounded above.
    public var upper: Double?
    /// The confidence level, `1 − α`.
    public var level: Double
    /// The width of the final bisection bracket on each side.
    public var tolerance: Double
    /// The number of p-value evaluations (each one a full permutation test).
    public var evaluations: Int
    /// The number of evaluations whose test could not be computed (treated as rejections, `p ≤ α`).
    public var failedEvaluations: Int
}
