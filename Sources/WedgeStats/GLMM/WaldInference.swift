// SPDX-License-Identifier: Apache-2.0

import RealModule

/// A Wald test and interval for one coefficient: `z = β̂/SE`, two-sided `p = 2·(1 − Φ(|z|))`,
/// interval `β̂ ± z_{1−α/2}·SE`.
///
/// With few clusters (such as 6) the normal reference is anticonservative; it is what lme4's
/// `summary()` prints (`Pr(>|z|)`) and `confint(method = "Wald")` returns.
public struct WaldInference: Sendable, Equatable {
    /// The estimate β̂ (a log odds ratio for a treatment coefficient).
    public var estimate: Double
    /// Its standard error.
    public var standardError: Double
    /// `β̂ / SE`.
    public var z: Double
    /// The two-sided p-value `2·(1 − Φ(|z|))`.
    public var pValue: Double
    /// The Wald interval on the coefficient scale.
    public var interval: IntervalEstimate

    /// The interval exponentiated: an odds ratio with its limits for a logit-scale coefficient.
    public var oddsRatio: IntervalEstimate {
        IntervalEstimate(
            estimate: interval.estimate.exponential, lower: interval.lower.exponential,
            upper: interval.upper.exponential, confidenceLevel: interval.confidenceLevel)
    }

    /// Creates the inference from an estimate and its standard error; NaN inputs give NaN fields.
    /// - Parameters:
    ///   - estimate: The point estimate.
    ///   - standardError: Its standard error (must be positive for finite results).
    ///   - confidenceLevel: Two-sided coverage of the interval.
    public init(estimate: Double, standardError: Double, confidenceLevel: Double = 0.95) {
        self.estimate = estimate
        self.standardError = standardError
        z = estimate / standardError
        pValue = 2 * Normal.complementaryCDF(abs(z))
        let critical = IntervalEstimate.criticalValue(confidenceLevel)
        interval = IntervalEstimate(
            estimate: estimate, lower: estimate - critical * standardError,
            upper: estimate + critical * standardError, confidenceLevel: confidenceLevel)
    }
}

extension Double {
    fileprivate var exponential: Double { Double.exp(self) }
}
