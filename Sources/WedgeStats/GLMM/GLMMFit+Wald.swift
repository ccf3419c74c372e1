// SPDX-License-Identifier: Apache-2.0

extension GLMMFit {
    /// The Wald z test and interval for coefficient `index`, using lme4's default ``standardErrors``
    /// (or ``conditionalStandardErrors`` when `conditional` is `true`).
    /// - Parameters:
    ///   - index: The design column, for example 1 for the treatment log OR after an intercept.
    ///   - confidenceLevel: Two-sided coverage, default 0.95.
    ///   - conditional: Use the SE conditional on τ instead of the lme4 default.
    /// - Returns: Estimate, SE, z, p and interval.
    public func wald(_ index: Int, confidenceLevel: Double = 0.95, conditional: Bool = false) -> WaldInference {
        WaldInference(
            estimate: coefficients[index],
            standardError: conditional ? conditionalStandardErrors[index] : standardErrors[index],
            confidenceLevel: confidenceLevel)
    }

    /// The Wald test and interval for coefficient `index` on a t reference (see ``WaldTInference``), with the
    /// degrees of freedom from `rule` for this fit's clusters and coefficients; lme4's default SE.
    ///
    /// ```swift
    /// let t = fit.waldT(1)     // clusters − 2 df: 4 for six sites
    /// print(t.pValue, t.interval.lower, t.interval.upper)
    /// ```
    /// - Parameters:
    ///   - index: The design column.
    ///   - rule: The degrees-of-freedom rule; default clusters − 2, as the GEE.
    ///   - confidenceLevel: Two-sided coverage, default 0.95.
    /// - Returns: Estimate, SE, t, df, p and interval.
    public func waldT(
        _ index: Int, degreesOfFreedom rule: DegreesOfFreedomRule = .clustersMinus(2), confidenceLevel: Double = 0.95
    ) -> WaldTInference {
        WaldTInference(
            estimate: coefficients[index], standardError: standardErrors[index],
            degreesOfFreedom: rule.degreesOfFreedom(clusters: clusterEffects.count, parameters: coefficients.count),
            rule: rule, confidenceLevel: confidenceLevel)
    }
}
