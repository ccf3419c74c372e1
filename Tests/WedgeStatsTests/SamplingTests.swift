// SPDX-License-Identifier: Apache-2.0

import RealModule
import Testing
import WedgeStats

/// Statistical checks use 100 000 draws and accept a sample moment within 5 standard errors
/// of its true value (a false alarm has probability below 1e-6 per check). The generator is
/// seeded, so each check is deterministic, yet a wrong formula moves the moment by far more.
@Suite("Sampling")
struct SamplingTests {
    static let draws = 100_000

    /// Sample mean and (unbiased) variance of `draws` values.
    static func moments(_ draw: () -> Double) -> (mean: Double, variance: Double) {
        var sum = 0.0, sumSquares = 0.0
        var values = [Double]()
        values.reserveCapacity(draws)
        for _ in 0..<draws { values.append(draw()) }
        for v in values { sum += v }
        let mean = sum / Double(draws)
        for v in values { sumSquares += (v - mean) * (v - mean) }
        return (mean, sumSquares / Double(draws - 1))
    }

    /// Expects the sample mean and variance within 5 standard errors of the truth.
    /// `fourthCentral` is the population fourth central moment μ₄.
    static func expectMoments(
        _ sample: (mean: Double, variance: Double), mean: Double, variance: Double, fourthCentral: Double,
        _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let n = Double(draws)
        let meanSE = (variance / n).squareRoot()
        let varianceSE = ((fourthCentral - variance * variance) / n).squareRoot()
        #expect(
            abs(sample.mean - mean) <= 5 * meanSE, "\(label) mean \(sample.mean) vs \(mean)",
            sourceLocation: sourceLocation)
        #expect(
            abs(sample.variance - variance) <= 5 * varianceSE, "\(label) variance \(sample.variance) vs \(variance)",
            sourceLocation: sourceLocation)
    }

    @Test("the test generator is the published SeededGenerator")
    func splitMixReference() {
        // First outputs for seed 0 from the reference C implementation (Vigna, splitmix64.c).
        var g = SeededGenerator(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("uniform is exactly the top 53 bits scaled by 2^-53")
    func uniformBits() {
        var g = ScriptedGenerator(words: [0, UInt64.max, 1 << 63, 0x7FF])
        #expect(Sampling.uniform(using: &g) == 0)
        #expect(Sampling.uniform(using: &g) == 1 - 0x1p-53)
        #expect(Sampling.uniform(using: &g) == 0.5)
        #expect(Sampling.uniform(using: &g) == 0)  // the low 11 bits are discarded
    }

    @Test("standard normal uses the (k + ½)·2^-52 midpoint and stays finite")
    func normalBits() {
        var g = ScriptedGenerator(words: [0, UInt64.max, 1 << 63])
        let low = Sampling.standardNormal(using: &g)
        let high = Sampling.standardNormal(using: &g)
        #expect(low.isFinite && high.isFinite)
        #expect(low == -high)  // symmetric offset
        #expect(low == Normal.quantile(0x1p-53))
        #expect(Sampling.standardNormal(using: &g) == Normal.quantile(0.5 + 0x1p-53))
    }

    @Test("continuous samplers have the right mean and variance")
    func continuousMoments() {
        var g = SeededGenerator(seed: 20_240_601)
        Self.expectMoments(
            Self.moments { Sampling.uniform(using: &g) },
            mean: 0.5, variance: 1.0 / 12, fourthCentral: 1.0 / 80, "uniform")
        Self.expectMoments(
            Self.moments { Sampling.standardNormal(using: &g) },
            mean: 0, variance: 1, fourthCentral: 3, "normal")
        Self.expectMoments(
            Self.moments { Sampling.normal(mean: -3, standardDeviation: 2, using: &g) },
            mean: -3, variance: 4, fourthCentral: 48, "normal(-3, 2)")
        let rate = 2.5
        Self.expectMoments(
            Self.moments { Sampling.exponential(rate: rate, using: &g) },
            mean: 1 / rate, variance: 1 / (rate * rate), fourthCentral: 9 / Double.pow(rate, 4), "exponential")
    }

    @Test("Bernoulli frequency is p", arguments: [0.003, 0.3, 0.92])
    func bernoulli(p: Double) {
        var g = SeededGenerator(seed: 7)
        let sample = Self.moments { Sampling.bernoulli(p, using: &g) ? 1 : 0 }
        let q = 1 - p
        Self.expectMoments(
            sample, mean: p, variance: p * q, fourthCentral: p * q * (q * q * q + p * p * p), "bernoulli")
    }

    @Test("Poisson has mean = variance = λ, by inversion and by chunking", arguments: [0.4, 3.7, 29.5, 31.0, 250.0])
    func poisson(mean: Double) {
        var g = SeededGenerator(seed: 99)
        let sample = Self.moments { Double(Sampling.poisson(mean: mean, using: &g)) }
        Self.expectMoments(sample, mean: mean, variance: mean, fourthCentral: mean + 3 * mean * mean, "poisson")
    }

    @Test("Poisson(3.7) frequencies match the pmf")
    func poissonPMF() {
        var g = SeededGenerator(seed: 5)
        let mean = 3.7
        var counts = [Int](repeating: 0, count: 12)
        for _ in 0..<Self.draws {
            let k = Sampling.poisson(mean: mean, using: &g)
            if k < counts.count { counts[k] += 1 }
        }
        var pmf = Double.exp(-mean)
        for k in 0..<counts.count {
            if k > 0 { pmf *= mean / Double(k) }
            let se = (pmf * (1 - pmf) / Double(Self.draws)).squareRoot()
            #expect(abs(Double(counts[k]) / Double(Self.draws) - pmf) <= 5 * se, "k=\(k)")
        }
    }

    @Test("integer(in:) is uniform over the range and never leaves it")
    func integerUniform() {
        var g = SeededGenerator(seed: 3)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<Self.draws {
            let k = Sampling.integer(in: -3...3, using: &g)
            counts[k + 3] += 1
        }
        let p = 1.0 / 7, se = (p * (1 - p) / Double(Self.draws)).squareRoot()
        for c in counts { #expect(abs(Double(c) / Double(Self.draws) - p) <= 5 * se) }
        #expect(Sampling.integer(in: 5...5, using: &g) == 5)
        let full = Sampling.integer(in: Int.min...Int.max, using: &g)
        #expect(full >= Int.min)
    }

    @Test("integer(in:) rejects the biased low products (Lemire's rule)")
    func integerRejection() {
        // For s = 3 the threshold is (2^64 − 3) mod 3 = 1: the word 0 gives low product 0 < 1 and is
        // rejected; UInt64.max gives high = 2, low = 2^64 − 3 ≥ 1 and is accepted.
        var g = CountingGenerator(base: ScriptedGenerator(words: [0, UInt64.max]))
        #expect(Sampling.integer(in: 10...12, using: &g) == 12)
        #expect(g.calls == 2)
    }

    @Test("documented next() call counts")
    func callCounts() {
        var g = CountingGenerator(base: SeededGenerator(seed: 1))
        _ = Sampling.uniform(using: &g)
        _ = Sampling.standardNormal(using: &g)
        _ = Sampling.bernoulli(2, using: &g)
        _ = Sampling.exponential(rate: 1, using: &g)
        _ = Sampling.poisson(mean: 12, using: &g)
        #expect(g.calls == 5)
        _ = Sampling.poisson(mean: 0, using: &g)
        #expect(g.calls == 5)
        _ = Sampling.poisson(mean: 301, using: &g)  // ⌈301/30⌉ = 11 chunks
        #expect(g.calls == 16)
    }

    @Test("same seed gives the same stream; a different seed does not")
    func reproducibility() {
        func stream(seed: UInt64) -> [Double] {
            var g = SeededGenerator(seed: seed)
            return (0..<200).map { i in
                switch i % 6 {
                case 0: Sampling.uniform(using: &g)
                case 1: Sampling.standardNormal(using: &g)
                case 2: Sampling.bernoulli(0.4, using: &g) ? 1 : 0
                case 3: Sampling.exponential(rate: 0.7, using: &g)
                case 4: Double(Sampling.poisson(mean: 45, using: &g))
                default: Double(Sampling.integer(in: 0...1_000_000, using: &g))
                }
            }
        }
        #expect(stream(seed: 42) == stream(seed: 42))
        #expect(stream(seed: 42) != stream(seed: 43))
    }
}
