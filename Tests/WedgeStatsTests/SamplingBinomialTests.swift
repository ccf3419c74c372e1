// SPDX-License-Identifier: Apache-2.0

import RealModule
import Testing
import WedgeStats

/// Binomial draws: moments within 5 SE (as ``SamplingTests``), frequencies against the pmf, the number of
/// `next()` calls, and the edge cases.
@Suite("Sampling: binomial")
struct SamplingBinomialTests {
    @Test(
        "Binomial has mean np and variance npq, by inversion, mirror and chunking",
        arguments: [(14, 0.36), (14, 0.63), (64, 0.5), (65, 0.02), (300, 0.9), (1000, 0.3)])
    func moments(trials: Int, p: Double) {
        var g = SplitMix64(seed: 41)
        let sample = SamplingTests.moments { Double(Sampling.binomial(trials: trials, p: p, using: &g)) }
        let n = Double(trials), q = 1 - p
        let variance = n * p * q
        // μ₄ = npq(1 + 3(n − 2)pq)
        SamplingTests.expectMoments(
            sample, mean: n * p, variance: variance, fourthCentral: variance * (1 + 3 * (n - 2) * p * q),
            "binomial(\(trials), \(p))")
    }

    @Test("Binomial(10, 0.7) frequencies match the pmf")
    func pmf() {
        var g = SplitMix64(seed: 13)
        let n = 10, p = 0.7
        var counts = [Int](repeating: 0, count: n + 1)
        for _ in 0..<SamplingTests.draws { counts[Sampling.binomial(trials: n, p: p, using: &g)] += 1 }
        for k in 0...n {
            let pmf = Double(binomialCoefficient(n, k)) * Double.pow(p, k) * Double.pow(1 - p, n - k)
            let se = (pmf * (1 - pmf) / Double(SamplingTests.draws)).squareRoot()
            #expect(abs(Double(counts[k]) / Double(SamplingTests.draws) - pmf) <= 5 * se + 1e-12, "k=\(k)")
        }
    }

    @Test("one next() per chunk of at most 64 trials; none for the degenerate cases")
    func calls() {
        for (trials, expected) in [(1, 1), (64, 1), (65, 2), (128, 2), (129, 3), (1000, 16)] {
            var g = CountingGenerator(base: SplitMix64(seed: 1))
            let k = Sampling.binomial(trials: trials, p: 0.4, using: &g)
            #expect(g.calls == expected, "trials \(trials)")
            #expect((0...trials).contains(k))
        }
        var g = CountingGenerator(base: SplitMix64(seed: 1))
        #expect(Sampling.binomial(trials: 0, p: 0.5, using: &g) == 0)
        #expect(Sampling.binomial(trials: 9, p: 0, using: &g) == 0)
        #expect(Sampling.binomial(trials: 9, p: 1, using: &g) == 9)
        #expect(g.calls == 0)
    }

    @Test("the extreme uniforms give 0 and n")
    func extremes() {
        var low = ScriptedGenerator(words: [0])
        #expect(Sampling.binomial(trials: 20, p: 0.3, using: &low) == 0)
        var high = ScriptedGenerator(words: [UInt64.max])
        #expect(Sampling.binomial(trials: 20, p: 0.3, using: &high) == 20)
        var mirrored = ScriptedGenerator(words: [0])
        #expect(Sampling.binomial(trials: 20, p: 0.8, using: &mirrored) == 20)  // n − Binomial(n, 0.2) at u = 0
    }

    func binomialCoefficient(_ n: Int, _ k: Int) -> Int {
        (0..<k).reduce(1) { $0 * (n - $1) / ($1 + 1) }
    }
}
