// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// The condition effect from a logistic GEE with an exchangeable working correlation and site clusters,
/// with the robust sandwich SE and its small-sample corrections.
///
/// Kauermann & Carroll (2001, *JASA* 96:1387) and Mancl & DeRouen (2001, *Biometrics* 57:126) inflate the
/// sandwich for few clusters; intervals and p-values use a t reference with the fit's degrees-of-freedom
/// rule (clusters − 2 by default: clusters − parameters is negative once periods are counted).
public struct GEESummary: Sendable, Equatable {
    /// The log odds ratio.
    public var logOddsRatio: Double
    /// Wald-t inference with the robust, Kauermann–Carroll and Mancl–DeRouen variances, in that order.
    public var inferences: [GEEInference]
    /// The estimated exchangeable correlation.
    public var workingCorrelation: Double
    /// The degrees of freedom of the t reference.
    public var degreesOfFreedom: Double
    /// The rule that gave them, for reports.
    public var degreesOfFreedomRule: String
    /// Whether the fit converged.
    public var converged: Bool
    /// The fit's status.
    public var status: String

    /// The inference with `variance`, if reported.
    public func inference(_ variance: GEEVariance) -> GEEInference? {
        inferences.first { $0.variance == variance }
    }

    /// Summarizes coefficient 1 (the treatment column) of `fit`.
    init(_ fit: GEEFit) {
        logOddsRatio = fit.coefficients[1]
        inferences = [GEEVariance.robust, .kauermannCarroll, .manclDeRouen].map {
            fit.inference(coefficient: 1, variance: $0)
        }
        workingCorrelation = fit.alpha
        degreesOfFreedom = inferences[0].degreesOfFreedom
        degreesOfFreedomRule = fit.degreesOfFreedomRule.description
        converged = fit.converged
        status = "\(fit.status)"
    }
}
