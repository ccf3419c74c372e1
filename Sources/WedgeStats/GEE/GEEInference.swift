// SPDX-License-Identifier: Apache-2.0

/// A Wald estimate, confidence interval and two-sided p-value for one GEE coefficient.
///
/// `t = β̂ⱼ / SE`, the interval is `β̂ⱼ ± t_{df, 1−(1−level)/2} · SE` and `p = 2 P(T_df ≥ |t|)`; with
/// ``DegreesOfFreedomRule/normal`` the reference is the standard normal. When the degrees of
/// freedom are not positive, or the variance is NaN, everything but ``estimate`` is NaN.
public struct GEEInference: Sendable, Equatable {
    /// The coefficient `β̂ⱼ` (a log odds ratio for a treatment column).
    public var estimate: Double
    /// The standard error from the chosen covariance.
    public var standardError: Double
    /// The Wald statistic `β̂ⱼ / SE`.
    public var statistic: Double
    /// The degrees of freedom of the t reference; `.infinity` for the normal reference.
    public var degreesOfFreedom: Double
    /// The rule the degrees of freedom came from, for labels such as "t with clusters − 2 = 4 df".
    public var degreesOfFreedomRule: DegreesOfFreedomRule
    /// The lower confidence limit.
    public var lower: Double
    /// The upper confidence limit.
    public var upper: Double
    /// The two-sided p-value for `βⱼ = 0`.
    public var pValue: Double
    /// The nominal two-sided coverage of the interval.
    public var confidenceLevel: Double
    /// The covariance estimate the standard error came from.
    public var variance: GEEVariance

    /// Creates an inference record; ``GEEFit/inference(coefficient:variance:confidenceLevel:)``
    /// is the usual way to get one.
    /// - Parameters:
    ///   - estimate: The coefficient.
    ///   - standardError: Its standard error.
    ///   - degreesOfFreedom: The t degrees of freedom (`.infinity` for normal).
    ///   - rule: The rule they came from.
    ///   - confidenceLevel: The two-sided coverage, in `(0, 1)`.
    ///   - variance: The covariance estimate used.
    public init(
        estimate: Double, standardError: Double, degreesOfFreedom: Double, rule: DegreesOfFreedomRule,
        confidenceLevel: Double, variance: GEEVariance
    ) {
        self.estimate = estimate
        self.degreesOfFreedom = degreesOfFreedom
        self.degreesOfFreedomRule = rule
        self.confidenceLevel = confidenceLevel
        self.variance = variance
        self.standardError = standardError
        (statistic, pValue, lower, upper) = WaldTInference.reference(
            estimate, standardError, degreesOfFreedom, confidenceLevel)
    }
}
