// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// One model's treatment effect on initiation: the primary model or a sensitivity analysis.
///
/// For immediate-treatment models ``effect`` is the log odds ratio; for exposure-time models it is the
/// time-averaged treatment effect (TATE, the mean log OR over the chosen exposure times) and ``pointEffect`` the
/// effect at one exposure time (PTE). Wald intervals on the normal reference, as lme4 and steppedwedge print
/// them; GEE rows use the robust (sandwich) SE.
public struct ModelSummary: Sendable, Equatable {
    /// A stable id: `hh`, `nested`, `hh-eti`, `nested-eti`, `hh-ncs`, `nested-ncs`, `gee-eti`.
    public var id: String
    /// A label for tables.
    public var label: String
    /// `GLMM (Laplace)` or `GEE (robust SE)`.
    public var method: String
    /// `site`, `site + site × period`, or empty for GEE.
    public var randomEffects: String
    /// The exposure-time model: `IT`, `ETI` or `NCS`.
    public var exposureTime: String
    /// What ``effect`` estimates, for example `log OR` or `TATE, e = 1–4`.
    public var estimand: String
    /// The treatment effect on the log-odds scale with its Wald inference.
    public var effect: WaldInference
    /// The point treatment effect at ``pointExposure``, for exposure-time models.
    public var pointEffect: WaldInference?
    /// The exposure time of ``pointEffect``.
    public var pointExposure: Int?
    /// The effect at each exposure time `1 … S`, for exposure-time models.
    public var curve: [WaldInference]
    /// The site SD on the logit scale (GLMMs).
    public var siteSD: Double?
    /// The site × period SD on the logit scale (nested models).
    public var sitePeriodSD: Double?
    /// The Laplace log-likelihood (GLMMs).
    public var logLikelihood: Double?
    /// The likelihood-ratio test of this exposure-time-indicator model against immediate treatment with the
    /// same random effects.
    public var likelihoodRatio: LikelihoodRatioTest?
    /// Whether the fit converged.
    public var converged: Bool
    /// Whether a variance component is at the boundary 0.
    public var isSingular: Bool
    /// The optimiser's account.
    public var message: String

    /// The effect as an odds ratio with its interval.
    public var oddsRatio: IntervalEstimate { effect.oddsRatio }
}
