// SPDX-License-Identifier: Apache-2.0

import RealModule

/// A Wald test and interval for one GLMM coefficient on a t reference: `t = β̂/SE`, two-sided
/// `p = 2·P(T_df ≥ |t|)`, interval `β̂ ± t_{df, 1−α/2}·SE`.
///
/// ## Why a t reference
/// With few clusters the Wald statistic of a GLMM is not normal: the SE is estimated from the between-cluster
/// variation of only `K` clusters, and the z reference rejects too often (8.8% at a nominal 5% for the
/// 6-site CTN-0097 design in Wedge's simulation, `docs/type-i-error.md`). Li & Redden (2015, *BMC Med Res
/// Methodol* 15:38) recommend a t reference with `K − p_cluster` degrees of freedom for GLMMs of cluster trials
/// with few clusters; for a stepped wedge the between-cluster (cluster-level) degrees of freedom `K − 2` are the
/// usual choice (the same rule as the GEE, ``DegreesOfFreedomRule/clustersMinus(_:)``, and as Kahan et al. 2016,
/// *Stat Med* 35:4209, for small-sample cluster trials). With ``DegreesOfFreedomRule/normal`` this is the z test.
///
/// When the degrees of freedom are not positive, or the SE is not a positive finite number, everything but
/// ``estimate`` and ``standardError`` is NaN.
public struct WaldTInference: Sendable, Equatable {
    /// The coefficient β̂.
    public var estimate: Double
    /// Its standard error (lme4's default, from the joint Hessian over θ and β).
    public var standardError: Double
    /// `β̂ / SE`.
    public var statistic: Double
    /// The degrees of freedom of the t reference; `.infinity` for the normal reference.
    public var degreesOfFreedom: Double
    /// The rule they came from.
    public var degreesOfFreedomRule: DegreesOfFreedomRule
    /// The two-sided p-value for β = 0.
    public var pValue: Double
    /// The interval on the coefficient scale.
    public var interval: IntervalEstimate

    /// Creates the inference.
    /// - Parameters:
    ///   - estimate: β̂.
    ///   - standardError: Its SE.
    ///   - degreesOfFreedom: The t degrees of freedom (`.infinity` for the normal reference).
    ///   - rule: The rule that gave them.
    ///   - confidenceLevel: Two-sided coverage, default 0.95.
    public init(
        estimate: Double, standardError: Double, degreesOfFreedom: Double, rule: DegreesOfFreedomRule,
        confidenceLevel: Double = 0.95
    ) {
        self.estimate = estimate
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        degreesOfFreedomRule = rule
        let t = Self.reference(estimate, standardError, degreesOfFreedom, confidenceLevel)
        statistic = t.statistic
        pValue = t.pValue
        interval = IntervalEstimate(estimate: estimate, lower: t.lower, upper: t.upper, confidenceLevel: confidenceLevel)
    }

    /// The statistic, p-value and limits of a Wald test on a t reference with `df` degrees of freedom
    /// (standard normal for infinite `df`); NaN when `df ≤ 0`, the SE is not positive and finite, or the level is
    /// outside (0, 1). Shared with ``GEEInference``.
    static func reference(
        _ estimate: Double, _ se: Double, _ df: Double, _ level: Double
    ) -> (statistic: Double, pValue: Double, lower: Double, upper: Double) {
        guard df > 0, se.isFinite, se > 0, level > 0, level < 1 else { return (.nan, .nan, .nan, .nan) }
        let statistic = estimate / se
        let critical = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: df)
        return (statistic, min(1, 2 * StudentT.complementaryCDF(abs(statistic), degreesOfFreedom: df)),
                estimate - critical * se, estimate + critical * se)
    }

    /// The odds ratio with its limits, for a logit-scale coefficient.
    public var oddsRatio: IntervalEstimate {
        IntervalEstimate(
            estimate: Double.exp(interval.estimate), lower: Double.exp(interval.lower), upper: Double.exp(interval.upper),
            confidenceLevel: interval.confidenceLevel)
    }
}
