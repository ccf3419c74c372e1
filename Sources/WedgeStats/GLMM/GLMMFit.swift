// SPDX-License-Identifier: Apache-2.0

/// The result of ``LogisticGLMM/fit(_:method:options:)``.
///
/// Problems never trap or throw: check ``converged``, ``isSingular`` and ``message``. Invalid data give
/// NaN estimates with `converged == false` and the reason in ``message``.
public struct GLMMFit: Sendable {
    /// The integral approximation used.
    public var method: GLMMMethod
    /// The fixed effects β̂, in the column order of the design (for example intercept, treatment, periods).
    public var coefficients: [Double]
    /// lme4's default standard errors: square roots of the diagonal of ``covariance``.
    public var standardErrors: [Double]
    /// The covariance of β̂ from the Hessian `H` of the deviance over (θ, β) jointly:
    /// the β block of `2H⁻¹` (lme4's `vcov(fit)` with `use.hessian = TRUE`). It accounts for the
    /// uncertainty in τ. Falls back to ``conditionalCovariance`` when `H` is not positive definite
    /// (then ``hasHessianCovariance`` is `false`, as lme4 does with a warning).
    public var covariance: Matrix
    /// Standard errors conditional on τ: square roots of the diagonal of ``conditionalCovariance``.
    public var conditionalStandardErrors: [Double]
    /// The covariance of β̂ given τ from the PIRLS (Fisher) information at the conditional modes,
    /// `(XᵀWX − Σ_c θ² v_c v_cᵀ / L_c²)⁻¹`, lme4's `vcov(fit, use.hessian = FALSE)`. Usually slightly
    /// smaller than ``covariance`` (about 2% in SE on trial-sized data).
    public var conditionalCovariance: Matrix
    /// Whether ``covariance`` comes from the joint Hessian (`true`) or is the conditional fallback.
    public var hasHessianCovariance: Bool
    /// The between-cluster SD τ of the random intercept on the logit scale (lme4's θ for this model).
    public var siteSD: Double
    /// The conditional modes of the cluster intercepts `b_c` (lme4's `ranef`), indexed by cluster.
    public var clusterEffects: [Double]
    /// The approximate marginal log-likelihood, including `Σ log C(nᵢ, yᵢ)`.
    ///
    /// For ``GLMMMethod/laplace`` this equals lme4's `logLik()` with `cbind(successes, failures)`.
    /// For adaptive quadrature lme4 reports `logLik` on a different scale (its AGQ objective is built
    /// from deviance residuals): lme4's value is `logLikelihood − saturatedLogLikelihood`.
    public var logLikelihood: Double
    /// The saturated binomial log-likelihood `Σ log dbinom(yᵢ; nᵢ, yᵢ/nᵢ)`.
    public var saturatedLogLikelihood: Double
    /// The sum of squared deviance residuals at the conditional modes, lme4's `deviance()` for a GLMM.
    /// (This is not `−2·logLikelihood`.)
    public var deviance: Double
    /// The number of outer Newton iterations.
    public var iterations: Int
    /// The number of deviance evaluations (with or without gradient), each one a full pass of
    /// conditional-mode solves.
    public var evaluations: Int
    /// Whether the outer optimisation met its tolerance.
    public var converged: Bool
    /// Whether τ is below ``GLMMOptions/singularTolerance`` (lme4's `isSingular`, tol 1e-4): the fit is at
    /// the boundary and behaves as an ordinary logistic regression.
    public var isSingular: Bool
    /// A human-readable account of convergence and any fallback.
    public var message: String
    /// The Hessian of the deviance over `(θ, β)` the optimiser ended with, for warm starts of refits.
    var finalHessian: Matrix?
}
