// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// The condition effect from the Hussey–Hughes logistic GLMM (`initiated ~ condition + factor(period) +
/// (1 | site)`), fitted to the site × period × condition cells.
public struct GLMMSummary: Sendable, Equatable {
    /// The log odds ratio, its SE, Wald z, p-value and 95% interval.
    public var logOddsRatio: WaldInference
    /// The site standard deviation τ on the logit scale.
    public var siteSD: Double
    /// The maximized log-likelihood (binomial-cell form, as lme4 on `cbind(y, n − y)`).
    public var logLikelihood: Double
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

    /// The odds ratio with its interval.
    public var oddsRatio: IntervalEstimate { logOddsRatio.oddsRatio }

    /// Summarizes coefficient 1 (the treatment column) of `fit`.
    init(_ fit: GLMMFit, nAGQ: Int) {
        logOddsRatio = fit.wald(1)
        siteSD = fit.siteSD
        logLikelihood = fit.logLikelihood
        self.nAGQ = nAGQ
        converged = fit.converged
        isSingular = fit.isSingular
        iterations = fit.iterations
        message = fit.message
    }
}
