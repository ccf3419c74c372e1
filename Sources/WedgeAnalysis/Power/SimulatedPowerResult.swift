// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// What ``SimulatedPower`` found over its simulated trials.
///
/// A trial's fit is *usable* when the optimiser converged and the treatment estimate and its SE are finite;
/// power, bias and coverage are over usable fits, and the others are counted in ``nonconverged``.
public struct SimulatedPowerResult: Sendable, Equatable {
    /// The number of simulated trials.
    public var trials: Int
    /// Fits that converged with a finite estimate and SE.
    public var usable: Int
    /// Usable fits whose two-sided Wald z-test rejected `θ = 0` at level α.
    public var rejections: Int
    /// The simulated power `rejections / usable` with its Monte Carlo interval (Wilson or exact).
    public var power: IntervalEstimate
    /// The Monte Carlo SE of the power, `√(p̂(1 − p̂)/usable)`.
    public var monteCarloStandardError: Double
    /// The true treatment coefficient: the conditional log odds ratio `θ = logit(p₁) − logit(p₀)`.
    public var trueLogOddsRatio: Double
    /// The true value of the estimand: `θ` for an immediate effect; otherwise the time-averaged treatment effect
    /// `TATE = (e₂ − e₁ + 1)⁻¹ Σ_{e=e₁}^{e₂} θ(e)` over ``tateRange`` (also for the immediate-treatment analyses,
    /// whose single coefficient is then compared with it, as Kenny et al. 2022 do).
    public var trueEffect: Double
    /// The true effect `θ(e)` at exposure times `e = 1 … S`.
    public var trueCurve: [Double]
    /// The exposure times of the TATE, or `nil` when the effect is immediate and so is the analysis (the estimand
    /// is then the log OR `θ`).
    public var tateRange: ClosedRange<Int>?
    /// The mean estimate over usable fits (of the log OR, or of the TATE).
    public var meanEstimate: Double
    /// `meanEstimate − trueEffect`.
    public var bias: Double
    /// The share of usable fits whose Wald 95% interval `estimate ± 1.96·SE` contains ``trueEffect``.
    public var coverage: Double
    /// The mean of the fits' standard errors (lme4's default, from the joint Hessian).
    public var meanStandardError: Double
    /// The standard deviation of the estimates over usable fits (divisor `usable − 1`).
    public var empiricalStandardDeviation: Double
    /// Trials whose fit did not converge or gave a non-finite estimate or SE.
    public var nonconverged: Int
    /// Usable fits at the boundary, with site SD below lme4's singular tolerance 1e-4.
    public var singular: Int
    /// The logit-scale variance of the site effect used to simulate, `τ²_L = CAC·σ²_L` (0 under decay).
    public var clusterVariance: Double
    /// The logit-scale variance of the cluster × period effect, `γ²_L = (1 − CAC)·σ²_L`; under decay, the
    /// variance `σ²_L` of the AR(1) cluster-period effects.
    public var clusterPeriodVariance: Double

    /// `nonconverged / trials`.
    public var nonconvergenceRate: Double { trials > 0 ? Double(nonconverged) / Double(trials) : .nan }

    /// `singular / usable`.
    public var singularRate: Double { usable > 0 ? Double(singular) / Double(usable) : .nan }
}
