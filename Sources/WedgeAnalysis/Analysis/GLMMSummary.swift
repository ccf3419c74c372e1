// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// The condition effect from the Hussey–Hughes logistic GLMM (`initiated ~ condition + factor(period) +
/// (1 | site)`), fitted to the site × period × condition cells.
///
/// The reported interval and p-value are the Wald t ones (``tReference``, sites − 2 degrees of freedom unless
/// the options say otherwise): with six sites the z reference (``logOddsRatio``, lme4's `summary()`) rejects too
/// often. The profile-likelihood interval and the parametric bootstrap test are added when asked for.
public struct GLMMSummary: Sendable, Equatable {
    /// The log odds ratio, its SE, Wald z, p-value and 95% interval on the normal reference (lme4's `summary()`).
    public var logOddsRatio: WaldInference
    /// The same Wald statistic on a t reference (the reported interval and p-value).
    public var tReference: WaldTInference
    /// The profile-likelihood interval of the log odds ratio, or `nil` when not computed or not found.
    public var profileInterval: IntervalEstimate?
    /// The parametric bootstrap likelihood-ratio test, or `nil` when not run.
    public var bootstrap: ParametricBootstrapResult?
    /// The site standard deviation τ on the logit scale.
    public var siteSD: Double
    /// The maximized log-likelihood on the individual rows, with AIC, BIC and the binomial-cell form.
    public var likelihood: GLMMLikelihood
    /// Quadrature points: 1 is Laplace.
    public var nAGQ: Int
    /// Whether the optimizer converged.
    public var converged: Bool
    /// Whether the fit is on the boundary τ = 0.
    public var isSingular: Bool
    /// Newton iterations used.
    public var iterations: Int
    /// The optimizer's message.
    public var message: String

    /// The maximized log-likelihood on the individual rows (glmer on one row per participant).
    public var logLikelihood: Double { likelihood.logLikelihood }

    /// The odds ratio with its t-reference interval.
    public var oddsRatio: IntervalEstimate { tReference.oddsRatio }

    /// Summarizes coefficient 1 (the treatment column) of `fit`, fitted to `cells`.
    init(_ fit: GLMMFit, cells: BinomialCells, nAGQ: Int, degreesOfFreedom: DegreesOfFreedomRule) {
        logOddsRatio = fit.wald(1)
        tReference = fit.waldT(1, degreesOfFreedom: degreesOfFreedom)
        siteSD = fit.siteSD
        likelihood = GLMMLikelihood(fit, cells: cells)
        self.nAGQ = nAGQ
        converged = fit.converged
        isSingular = fit.isSingular
        iterations = fit.iterations
        message = fit.message
    }
}
