// SPDX-License-Identifier: Apache-2.0

/// How sites are assigned to the design's sequences.
public struct RandomizationSettings: Sendable, Equatable {
    /// The allocation method.
    public enum Method: String, Sendable, Equatable, CaseIterable {
        /// Every allocation of sites to sequence slots is equally likely.
        case simple
        /// Covariate-constrained: allocations are scored for imbalance over site covariates; one is drawn
        /// uniformly from the best `fraction` of them.
        case constrained
    }

    /// The allocation method.
    public var method: Method
    /// For constrained randomization: the site covariates whose balance is scored.
    public var balanceCovariates: [String]
    /// For constrained randomization: the fraction (0, 1] of least-imbalanced allocations that form the
    /// admissible set.
    public var admissibleFraction: Double

    /// Creates randomization settings.
    public init(method: Method, balanceCovariates: [String] = [], admissibleFraction: Double = 1) {
        self.method = method
        self.balanceCovariates = balanceCovariates
        self.admissibleFraction = admissibleFraction
    }
}
