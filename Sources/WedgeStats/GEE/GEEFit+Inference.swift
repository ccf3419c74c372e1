// SPDX-License-Identifier: Apache-2.0

extension GEEFit {
    /// Wald inference for coefficient `j` with the fit's degrees-of-freedom rule.
    ///
    /// ```swift
    /// let fit = LogisticGEE.fit(y: y, design: x, cluster: site)
    /// let theta = fit.inference(coefficient: 1, variance: .kauermannCarroll)
    /// print("log OR \(theta.estimate), 95% CI \(theta.lower) to \(theta.upper), t(\(theta.degreesOfFreedom))")
    /// ```
    /// - Parameters:
    ///   - j: The coefficient index (design column).
    ///   - variance: The covariance estimate; default ``GEEVariance/robust``.
    ///   - confidenceLevel: The two-sided coverage; default 0.95.
    /// - Returns: Estimate, SE, df, interval and p-value; see ``GEEInference``.
    public func inference(
        coefficient j: Int, variance: GEEVariance = .robust, confidenceLevel: Double = 0.95
    ) -> GEEInference {
        inference(
            coefficient: j, variance: variance, degreesOfFreedom: degreesOfFreedomRule,
            confidenceLevel: confidenceLevel)
    }

    /// Wald inference for coefficient `j` with an explicit degrees-of-freedom rule.
    /// - Parameters:
    ///   - j: The coefficient index (design column).
    ///   - variance: The covariance estimate.
    ///   - rule: The degrees-of-freedom rule, overriding ``degreesOfFreedomRule``.
    ///   - confidenceLevel: The two-sided coverage; default 0.95.
    /// - Returns: Estimate, SE, df, interval and p-value; see ``GEEInference``.
    public func inference(
        coefficient j: Int, variance: GEEVariance, degreesOfFreedom rule: DegreesOfFreedomRule,
        confidenceLevel: Double = 0.95
    ) -> GEEInference {
        precondition(coefficients.indices.contains(j), "coefficient index out of range")
        let df = rule.degreesOfFreedom(clusters: clusterCount, parameters: coefficients.count)
        return GEEInference(
            estimate: coefficients[j], standardError: covariance(variance)[j, j].squareRoot(),
            degreesOfFreedom: df, rule: rule, confidenceLevel: confidenceLevel, variance: variance)
    }
}
