// SPDX-License-Identifier: Apache-2.0

import RealModule

extension Sampling {
    /// Largest mean handled by one inversion search; larger means are split into chunks.
    static let poissonChunkMean = 30.0

    /// A Poisson variate with the given mean.
    ///
    /// - `mean ≤ 30`: sequential-search inversion of one uniform `u` from ``uniform(using:)``:
    ///   starting from `k = 0`, `f = F = e^{−mean}`, while `u ≥ F` set `k += 1`,
    ///   `f *= mean/k`, `F += f` (stopping if `f` underflows). One `next()` call.
    /// - `mean > 30`: with `m = ⌈mean/30⌉`, the sum of `m` independent inversion draws with
    ///   mean `mean/m` each. This is exact in distribution, because a sum of independent
    ///   Poisson variables is Poisson with the summed mean. Exactly `m` `next()` calls, and
    ///   the cost grows linearly with `mean` (about `mean + m` multiplications).
    /// - `mean = 0` returns 0 without calling `next()`.
    ///
    /// Precondition: `mean` is finite and `≥ 0` (violations trap; nothing is thrown).
    ///
    /// Reference: L. Devroye (1986), *Non-Uniform Random Variate Generation*, §X.3.2
    /// (inversion by sequential search) and §X.1 (additivity).
    /// - Parameters:
    ///   - mean: The mean λ ≥ 0.
    ///   - generator: The source of randomness.
    /// - Returns: A draw from Poisson(λ).
    public static func poisson(mean: Double, using generator: inout some RandomNumberGenerator) -> Int {
        precondition(mean.isFinite && mean >= 0, "Poisson mean must be finite and non-negative, got \(mean)")
        if mean == 0 { return 0 }
        if mean <= poissonChunkMean { return poissonByInversion(mean: mean, using: &generator) }
        let chunks = (mean / poissonChunkMean).rounded(.up)
        let chunkMean = mean / chunks
        var total = 0
        for _ in 0..<Int(chunks) {
            total += poissonByInversion(mean: chunkMean, using: &generator)
        }
        return total
    }

    /// Sequential-search inversion for `0 < mean ≤ 30`; one `next()` call.
    static func poissonByInversion(mean: Double, using generator: inout some RandomNumberGenerator) -> Int {
        let u = uniform(using: &generator)
        var k = 0
        var probability = Double.exp(-mean)
        var cumulative = probability
        while u >= cumulative {
            k += 1
            probability *= mean / Double(k)
            if probability == 0 { break }
            cumulative += probability
        }
        return k
    }
}
