// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// Settings of the primary analysis.
public struct PrimaryAnalysisOptions: Sendable, Equatable {
    /// Quadrature points of the GLMM: 1 is Laplace (lme4's default `nAGQ = 1`).
    public var nAGQ: Int
    /// The degrees-of-freedom rule of the GEE's t reference.
    public var geeDegreesOfFreedom: DegreesOfFreedomRule
    /// The degrees-of-freedom rule of the GLMM's Wald t reference (default clusters − 2, as the GEE).
    public var glmmDegreesOfFreedom: DegreesOfFreedomRule = .clustersMinus(2)
    /// Whether to compute the GLMM's profile-likelihood interval (about 20 refits). Default `true`.
    public var profileInterval = true
    /// Replicates of the GLMM's parametric bootstrap likelihood-ratio test; 0 (the default) skips it.
    public var bootstrapReplicates = 0
    /// Worker threads for the bootstrap and the permutation test (default: all cores); results do not depend on it.
    public var threads: Int?
    /// The permutation test's statistic, or `nil` to skip the test.
    public var permutationStatistic: PermutationStatistic?
    /// The most allocations enumerated exactly; above it the test samples (Monte Carlo).
    public var exactLimit: Int
    /// Monte Carlo draws when the test samples.
    public var monteCarloDraws: Int
    /// The seed of the Monte Carlo draws.
    public var seed: UInt64
    /// Whether to invert the permutation test for a confidence interval (costly: many permutation tests).
    public var permutationInterval: Bool
    /// The model whose effect is primary; the others are sensitivity analyses. Default Hussey–Hughes.
    public var model: AnalysisModel = .husseyHughes
    /// The exposure times the TATE averages over (clipped to `1 … S`); `nil` for all, `1 … S`.
    public var exposureRange: ClosedRange<Int>?
    /// The exposure time of the point treatment effect (PTE); `nil` for the largest, `S`.
    public var pointExposure: Int?

    /// Creates options; the defaults are Laplace, clusters − 2 df, the GLMM permutation statistic, exact up
    /// to 100,000 allocations, 1,000 Monte Carlo draws (swpermute's default; the p-value's Monte Carlo SE is
    /// reported) with seed 20_210_316.
    public init(
        nAGQ: Int = 1, geeDegreesOfFreedom: DegreesOfFreedomRule = .clustersMinus(2),
        permutationStatistic: PermutationStatistic? = .glmm, exactLimit: Int = 100_000,
        monteCarloDraws: Int = 1_000, seed: UInt64 = 20_210_316, permutationInterval: Bool = false
    ) {
        self.nAGQ = nAGQ
        self.geeDegreesOfFreedom = geeDegreesOfFreedom
        self.permutationStatistic = permutationStatistic
        self.exactLimit = exactLimit
        self.monteCarloDraws = monteCarloDraws
        self.seed = seed
        self.permutationInterval = permutationInterval
    }
}
