// SPDX-License-Identifier: Apache-2.0

/// The statistic a permutation test recomputes under each allocation.
public enum PermutationStatistic: String, Sendable, Equatable, CaseIterable {
    /// The GLMM log odds ratio (Laplace), refitted for every allocation.
    case glmm
    /// The non-parametric within-period statistic of Thompson et al. (2018, *Stat Med* 37:2487).
    case npwp
}
