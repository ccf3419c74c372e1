// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeStats

/// The maximized GLMM log-likelihood with AIC and BIC, on the two scales a reader meets, each labelled.
///
/// - **Individual rows** (``logLikelihood``, ``aic``, ``bic``): as `glmer(initiated ~ condition + factor(period)
///   + (1 | site), family = binomial)` on one row per participant reports them. `AIC = −2ℓ + 2k`,
///   `BIC = −2ℓ + k·log N` with `k` fixed effects + 1 (the site SD) and `N` participants (Akaike 1974;
///   Schwarz 1978; lme4's `AIC`/`BIC` for a `glmerMod`).
/// - **Binomial cells** (``cellLogLikelihood``): as `glmer(cbind(y, n − y) ~ …)` on the site × period ×
///   condition cells Wedge fits, which adds `Σ log C(n, y)` over the cells (see
///   ``WedgeStats/BinomialCells/logBinomialCoefficientSum``). Its BIC would use the number of cells.
///
/// Differences of log-likelihoods (likelihood-ratio tests) are the same on both scales.
public struct GLMMLikelihood: Sendable, Equatable {
    /// The log-likelihood on the individual rows.
    public var logLikelihood: Double
    /// `−2ℓ + 2k`.
    public var aic: Double
    /// `−2ℓ + k log N`, `N` participants.
    public var bic: Double
    /// The number of estimated parameters `k` (fixed effects and the site SD).
    public var parameters: Int
    /// The number of participants `N`.
    public var observations: Int
    /// The log-likelihood on the binomial cells (individual + `Σ log C(n, y)`).
    public var cellLogLikelihood: Double

    /// The likelihood of `fit`, fitted to `cells`.
    init(_ fit: GLMMFit, cells: BinomialCells) {
        cellLogLikelihood = fit.logLikelihood
        logLikelihood = fit.logLikelihood - cells.logBinomialCoefficientSum
        parameters = fit.coefficients.count + 1
        observations = Int(cells.individualCount.rounded())
        aic = -2 * logLikelihood + 2 * Double(parameters)
        bic = -2 * logLikelihood + Double(parameters) * log(Double(observations))
    }
}
