// SPDX-License-Identifier: Apache-2.0

/// Settings for ``PermutationTest``. The defaults suit a stepped-wedge trial with a handful of clusters.
public struct PermutationOptions: Sendable, Equatable {
    /// Enumerate the allocation space exactly when it has at most this many allocations; otherwise
    /// sample. Default 100,000.
    public var exactLimit: Int
    /// The number of Monte Carlo draws `m` when the space is too large to enumerate. Default 10,000.
    public var monteCarloDraws: Int
    /// The seed of the Monte Carlo draws (SplitMix64). Same seed, same draws, same result. Default 1.
    public var seed: UInt64
    /// The centre `T₀` of the statistic under the null hypothesis: 0 for a log odds ratio or a risk
    /// difference. The two-sided test counts `|T − T₀| ≥ |T_obs − T₀|`. Default 0.
    public var nullCenter: Double
    /// Whether to return the null distribution (one entry per evaluated allocation). Default `true`.
    public var keepsDistribution: Bool
    /// The number of worker threads; `nil` (the default) lets Dispatch use every core. The result never
    /// depends on this setting: each allocation's statistic is stored at its own index.
    public var threads: Int?
    /// Allocations evaluated per work item. Default 8.
    public var chunkSize: Int

    /// Creates options; every argument has the documented default.
    /// - Parameters:
    ///   - exactLimit: Largest space that is enumerated exactly.
    ///   - monteCarloDraws: Draws when sampling.
    ///   - seed: Seed of the draws.
    ///   - nullCenter: `T₀`.
    ///   - keepsDistribution: Whether to return the null distribution.
    ///   - threads: Worker threads, `nil` for all cores.
    ///   - chunkSize: Allocations per work item.
    public init(
        exactLimit: Int = 100_000, monteCarloDraws: Int = 10_000, seed: UInt64 = 1, nullCenter: Double = 0,
        keepsDistribution: Bool = true, threads: Int? = nil, chunkSize: Int = 8
    ) {
        self.exactLimit = exactLimit
        self.monteCarloDraws = monteCarloDraws
        self.seed = seed
        self.nullCenter = nullCenter
        self.keepsDistribution = keepsDistribution
        self.threads = threads
        self.chunkSize = chunkSize
    }
}
