// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeCore
import WedgeStats
import WedgeTestSupport

/// The vectors come from `docs/randomization.py`, an independent Python implementation of the specification.
@Suite("Randomization")
struct RandomizationTests {
    static let ctn = try! ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml")).protocol

    @Test("Stream words and simple allocations match the reference implementation", arguments: [
        ("20210316", ["3ad108035395876c", "8250e165055bf1e0", "f5791b01746b4f6e", "68a6834e997d29fe", "063c158f9b7d13b2"],
         [5, 0, 4, 2, 3, 1]),
        ("swift-129", ["ca7cd3dc44cd7401", "430f3a8d2a885f61", "2e097897a64750ad", "0f578408a25026d7", "4855d028eea328a5"],
         [0, 5, 2, 1, 3, 4]),
        ("wedge", ["0da0465b6f99573e", "bd08ee1b0e114660", "0bf75a0f7bf39f52", "a1551b9b40ce0f4a", "1439b656adaf4644"],
         [5, 2, 3, 0, 4, 1]),
    ])
    func vectors(seed: String, words: [String], allocation: [Int]) {
        var stream = KeyedRandomStream(seed: seed, label: "randomize")
        let drawn = (0..<5).map { _ in
            let hex = String(stream.next(), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        #expect(drawn == words)
        let schedule = Randomizer.randomize(Self.ctn, seed: seed)
        #expect(schedule.allocation == allocation)
        #expect(schedule.algorithm == Randomizer.simpleAlgorithm)
        #expect(schedule.admissibleSet == nil)
    }

    @Test("Constrained randomization over all 720 allocations matches the reference")
    func constrainedEnumerated() {
        var proto = Self.ctn
        proto.randomization = RandomizationSettings(method: .constrained, balanceCovariates: ["expected_enrollment"],
                                                    admissibleFraction: 0.1)
        let schedule = Randomizer.randomize(proto, seed: "20210316")
        let set = schedule.admissibleSet
        #expect(set?.source == .enumerated)
        #expect(set?.candidateCount == 720)
        #expect(set?.allocations.count == 72)
        #expect(set?.cutoffScore == 1.854508612)
        #expect(schedule.allocation == [4, 0, 2, 5, 1, 3])
        #expect(set?.allocations.contains(schedule.allocation) == true)
    }

    @Test("Constrained randomization by sampling matches the reference")
    func constrainedSampled() throws {
        let proto = try ProtocolLoader.load(path: TestPaths.path("Protocols/general-sw-12x7.toml")).protocol
        let schedule = Randomizer.randomize(proto, seed: "7")
        let set = try #require(schedule.admissibleSet)
        #expect(set.source == .sampled)
        #expect(set.candidateCount == 99_348)
        #expect(set.allocations.count == 9_939)
        #expect(set.cutoffScore == 0.599818548)
        #expect(schedule.allocation == [0, 2, 3, 4, 1, 2, 5, 3, 0, 5, 4, 1])
    }

    @Test("Admissible allocations are better balanced than the rest")
    func balanceImproves() {
        var proto = Self.ctn
        proto.randomization = RandomizationSettings(method: .constrained, balanceCovariates: ["expected_enrollment"],
                                                    admissibleFraction: 0.2)
        let set = Randomizer.admissibleSet(proto, seed: "s")
        let scorer = ImbalanceScore(protocol: proto, covariates: ["expected_enrollment"])
        let all = MultisetPermutations.all(proto.design.slots)
        let admitted = Set(set.allocations)
        let worstAdmitted = set.allocations.map(scorer.score).max()!
        let bestRejected = all.filter { !admitted.contains($0) }.map(scorer.score).min()!
        #expect(worstAdmitted < bestRejected)
        #expect(set.allocations.count == 144)
    }

    @Test("Allocation counts: N! / Π n_s!")
    func counts() {
        #expect(MultisetPermutations.count([0, 1, 2, 3, 4, 5]) == 720)
        #expect(MultisetPermutations.count([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]) == 7_484_400)
        #expect(MultisetPermutations.all([0, 0, 1, 2]).count == 12)
        #expect(MultisetPermutations.count(Array(0..<30)) == nil)  // 30! overflows
    }

    @Test("uniform(below:) is unbiased over small ranges")
    func uniformity() {
        var stream = KeyedRandomStream(seed: "uniformity", label: "test")
        var counts = Array(repeating: 0, count: 7)
        let draws = 70_000
        for _ in 0..<draws { counts[stream.uniform(below: 7)] += 1 }
        // Chi-square with 6 df; the 0.999 quantile is 22.46.
        let expected = Double(draws) / 7
        let chi2 = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chi2 < 22.46)
    }

    @Test("Secure seeds are fresh 128-bit hex strings")
    func secureSeeds() {
        let a = SeedGenerator.secureSeed(), b = SeedGenerator.secureSeed()
        #expect(a.count == 32 && a.allSatisfy(\.isHexDigit))
        #expect(a != b)
    }
}
