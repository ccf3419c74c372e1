// SPDX-License-Identifier: Apache-2.0

/// The likelihood-ratio test of a nested model against a fuller one:
/// `G² = 2(ℓ_full − ℓ_reduced)`, referred to `χ²` on `df` = the difference in parameter counts
/// (Wilks 1938, *Ann Math Stat* 9:60–62). For the exposure-time indicator model against immediate treatment
/// `df = S − 1` (Kenny et al. 2022, *Stat Med* 41:4311, §2.3; Hughes, Granston & Heagerty 2015).
///
/// With Laplace log-likelihoods of two GLMMs that share their random effects the test is approximate; with
/// few clusters it tends to be anticonservative. NaN behaviour: a NaN log-likelihood gives NaN; a small
/// negative `G²` (an optimiser stopping short) is reported as is and its p-value is 1.
public struct LikelihoodRatioTest: Sendable, Equatable {
    /// `G² = 2(ℓ_full − ℓ_reduced)`.
    public var statistic: Double
    /// The degrees of freedom.
    public var degreesOfFreedom: Int
    /// `P(χ²_df ≥ G²)`.
    public var pValue: Double

    /// Computes the test.
    /// - Parameters:
    ///   - full: The log-likelihood of the fuller model.
    ///   - reduced: The log-likelihood of the nested model.
    ///   - degreesOfFreedom: The number of extra parameters in the fuller model, at least 1.
    public init(full: Double, reduced: Double, degreesOfFreedom: Int) {
        statistic = 2 * (full - reduced)
        self.degreesOfFreedom = degreesOfFreedom
        if statistic.isNaN || degreesOfFreedom < 1 {
            pValue = .nan
        } else {
            pValue = statistic <= 0 ? 1 : ChiSquared.complementaryCDF(statistic, degreesOfFreedom: Double(degreesOfFreedom))
        }
    }
}
