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
}
