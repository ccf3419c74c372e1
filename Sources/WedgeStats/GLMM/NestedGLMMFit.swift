// SPDX-License-Identifier: Apache-2.0

/// The result of ``NestedGLMM/fit(_:period:options:)``: the nested-exchangeable logistic model.
///
/// Problems never trap or throw: check ``converged``, ``isSingular`` and ``message``. Invalid data give
/// NaN estimates with `converged == false` and the reason in ``message``.
public struct NestedGLMMFit: Sendable {
    /// The fixed effects β̂, in the column order of the design.
    public var coefficients: [Double]
    /// Square roots of the diagonal of ``covariance``.
    public var standardErrors: [Double]
    /// The covariance of β̂: the β block of `2H⁻¹`, `H` the Hessian of the Laplace deviance over
    /// `(θ₁, θ₂, β)` (lme4's `vcov()` default, `use.hessian = TRUE`). When `H` is not positive definite
    /// (a boundary fit) it is the inverse of the β block of `H/2`, the covariance given the variance
    /// components, and ``hasJointHessian`` is `false`.
    public var covariance: Matrix
    /// Whether ``covariance`` comes from the joint Hessian over variance components and β.
    public var hasJointHessian: Bool
    /// The SD τ of the site random intercept on the logit scale (`|θ₁|`).
    public var siteSD: Double
    /// The SD γ of the site × period random intercept on the logit scale (`|θ₂|`).
    public var sitePeriodSD: Double
    /// The conditional modes of the site intercepts, indexed by cluster.
    public var siteEffects: [Double]
    /// The Laplace log-likelihood, including `Σ log C(nᵢ, yᵢ)`; lme4's `logLik()` for
    /// `cbind(successes, failures)` rows.
    public var logLikelihood: Double
    /// The number of site × period random intercepts.
    public var sitePeriodCount: Int
    /// Outer Newton iterations.
    public var iterations: Int
    /// Deviance evaluations (each a full pass of conditional-mode solves).
    public var evaluations: Int
    /// Whether the optimiser met its tolerance.
    public var converged: Bool
    /// Whether either SD is below ``GLMMOptions/singularTolerance`` (lme4's `isSingular`): the fit is at the
    /// boundary of the parameter space.
    public var isSingular: Bool
    /// A human-readable account of convergence, boundary results and fallbacks.
    public var message: String

    /// The Wald z test and interval for coefficient `index` (for example 1, the treatment log OR).
    /// - Parameters:
    ///   - index: The design column.
    ///   - confidenceLevel: Two-sided coverage, default 0.95.
    /// - Returns: Estimate, SE, z, p and interval; NaN fields for a failed fit.
    public func wald(_ index: Int, confidenceLevel: Double = 0.95) -> WaldInference {
        WaldInference(
            estimate: coefficients[index], standardError: standardErrors[index], confidenceLevel: confidenceLevel)
    }
}
