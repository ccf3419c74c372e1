// SPDX-License-Identifier: Apache-2.0

import RealModule

extension Sampling {
    /// Largest number of trials handled by one inversion search; more are split into chunks.
    static let binomialChunkTrials = 64

    /// A Binomial(`trials`, `p`) variate: the number of successes in `trials` independent Bernoulli(`p`) trials.
    ///
    /// - `trials ≤ 64`: sequential-search inversion of one uniform `u` from ``uniform(using:)``. With
    ///   `q = 1 − p`, start from `k = 0`, `f = F = qⁿ`; while `u ≥ F` and `k < n`, set
    ///   `f *= (n − k)/(k + 1) · p/q`, `k += 1`, `F += f`. One `next()` call.
    /// - `trials > 64`: with `c = ⌈trials/64⌉` chunks of `⌊trials/c⌋` or `⌊trials/c⌋ + 1` trials (the larger ones
    ///   first), the sum of one inversion draw per chunk. Exact in distribution, because a sum of independent
    ///   binomials with the same `p` is binomial with the summed trials. Exactly `c` `next()` calls.
    /// - `trials = 0`, `p ≤ 0` or `p ≥ 1` return 0, 0 and `trials` without calling `next()`.
    ///
    /// For `p > ½` each chunk draws the mirror `n − Binomial(n, 1 − p)`, so every search has `q ≥ ½` and its
    /// start `qⁿ ≥ 2⁻⁶⁴` never underflows. The search stops at `k = n`, so rounding in `F` can never return more
    /// than `n`.
    ///
    /// Precondition: `trials ≥ 0` and `p` is not NaN (violations trap; nothing is thrown).
    ///
    /// Reference: L. Devroye (1986), *Non-Uniform Random Variate Generation*, §X.4.3 (inversion for the
    /// binomial) and §X.4.1 (additivity).
    /// - Parameters:
    ///   - trials: The number of trials `n ≥ 0`.
    ///   - p: The success probability.
    ///   - generator: The source of randomness.
    /// - Returns: A draw from Binomial(n, p), in `0...trials`.
    public static func binomial(trials: Int, p: Double, using generator: inout some RandomNumberGenerator) -> Int {
        precondition(trials >= 0, "binomial trials must be non-negative, got \(trials)")
        precondition(!p.isNaN, "binomial p must not be NaN")
        if trials == 0 || p <= 0 { return 0 }
        if p >= 1 { return trials }
        let chunks = (trials + binomialChunkTrials - 1) / binomialChunkTrials
        let base = trials / chunks, larger = trials % chunks
        var total = 0
        for c in 0..<chunks {
            let n = base + (c < larger ? 1 : 0)
            total += p > 0.5
                ? n - binomialByInversion(trials: n, p: 1 - p, using: &generator)
                : binomialByInversion(trials: n, p: p, using: &generator)
        }
        return total
    }

    /// Sequential-search inversion for `0 < p ≤ 0.5` and `1 ≤ n ≤ 64`; one `next()` call.
    static func binomialByInversion(trials n: Int, p: Double, using generator: inout some RandomNumberGenerator)
        -> Int
    {
        let u = uniform(using: &generator)
        let q = 1 - p
        let ratio = p / q
        var k = 0
        var probability = Double.pow(q, n)
        var cumulative = probability
        while u >= cumulative && k < n {
            probability *= Double(n - k) / Double(k + 1) * ratio
            k += 1
            cumulative += probability
        }
        return k
    }
}
