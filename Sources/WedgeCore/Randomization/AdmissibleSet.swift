// SPDX-License-Identifier: Apache-2.0

/// The set of allocations a randomization could have produced, saved with the schedule so that a
/// permutation test can reuse exactly that set.
///
/// An allocation is the sequence index of each site, in protocol site order.
public struct AdmissibleSet: Sendable, Equatable {
    /// How the candidates were found.
    public enum Source: String, Sendable, Equatable {
        /// Every distinct allocation was listed.
        case enumerated
        /// Candidates were sampled with the seeded stream (too many to list).
        case sampled
    }

    /// How the candidates were found.
    public var source: Source
    /// The number of distinct candidate allocations scored.
    public var candidateCount: Int
    /// The balance covariates, or empty for simple randomization.
    public var covariates: [String]
    /// The admissible fraction asked for.
    public var fraction: Double
    /// The largest imbalance score admitted (ties with it are all admitted).
    public var cutoffScore: Double
    /// The admissible allocations, in lexicographic order.
    public var allocations: [[Int]]

    /// Creates an admissible set.
    public init(source: Source, candidateCount: Int, covariates: [String], fraction: Double, cutoffScore: Double,
                allocations: [[Int]]) {
        self.source = source
        self.candidateCount = candidateCount
        self.covariates = covariates
        self.fraction = fraction
        self.cutoffScore = cutoffScore
        self.allocations = allocations
    }
}
