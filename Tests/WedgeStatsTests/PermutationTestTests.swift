// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

/// The generic permutation engine on statistics whose distributions are worked out by hand.
@Suite("Permutation test")
struct PermutationTestTests {
    /// `T(a) = a₀ + 2a₁ + 3a₂` over the 6 permutations of (0, 1, 2): values 8, 7, 7, 5, 5, 4 in
    /// lexicographic order, mean 6.
    static let linear: @Sendable ([Int]) -> Double? = { a in Double(a[0] + 2 * a[1] + 3 * a[2]) }

    @Test("multiset permutations: counts, order and distinctness")
    func multisetPermutations() {
        #expect(MultisetPermutations.count([0, 1, 2, 3, 4, 5]) == 720)
        #expect(MultisetPermutations.count([0, 0, 1, 1, 2, 2]) == 90)
        #expect(MultisetPermutations.count([2, 2, 2]) == 1)
        #expect(MultisetPermutations.count([]) == 1)
        #expect(MultisetPermutations.count(Array(0..<25)) == nil)  // 25! overflows Int
        let all = MultisetPermutations.all([2, 0, 1, 0])
        #expect(all.count == 12)
        #expect(Set(all).count == 12)
        #expect(all.first == [0, 0, 1, 2])
        #expect(all.last == [2, 1, 0, 0])
        #expect(all == all.sorted { $0.lexicographicallyPrecedes($1) })
        let sameMultiset = all.allSatisfy { $0.sorted() == [0, 0, 1, 2] }
        #expect(sameMultiset)
        #expect(MultisetPermutations.all([]) == [[]])
    }

    @Test("a random multiset permutation is a permutation and covers the space uniformly")
    func randomPermutation() {
        var rng = SplitMix64(seed: 11)
        var tally: [[Int]: Int] = [:]
        let draws = 12_000
        for _ in 0..<draws { tally[MultisetPermutations.random([0, 0, 1, 2], using: &rng), default: 0] += 1 }
        #expect(tally.count == 12)
        // Each of the 12 has expected count 1000, SD ≈ 30; 150 is five SDs.
        for (allocation, n) in tally {
            #expect(abs(n - 1000) < 150, "\(allocation): \(n)")
        }
    }

    @Test("exact p-value by enumeration matches the hand count")
    func exactByHand() throws {
        var options = PermutationOptions()
        options.nullCenter = 6
        let result = try PermutationTest.run(
            observed: [0, 1, 2], space: .permutations(of: [0, 1, 2]), options: options, statistic: Self.linear)
        #expect(result.isExact)
        #expect(result.observed == 8)
        #expect(result.evaluated == 6)
        #expect(result.extremeCount == 2)  // |8 − 6| and |4 − 6|
        #expect(result.pValue == 2.0 / 6)
        #expect(result.monteCarloStandardError == 0)
        #expect(result.distribution == [8, 7, 7, 5, 5, 4])
        // A central observed allocation: every |T − 6| ≥ 1, so p = 1.
        let central = try PermutationTest.run(
            observed: [1, 2, 0], space: .permutations(of: [0, 1, 2]), options: options, statistic: Self.linear)
        #expect(central.pValue == 1)
    }

    @Test("an observed allocation missing from a listed space is added")
    func observedAdded() throws {
        var options = PermutationOptions()
        options.nullCenter = 6
        let result = try PermutationTest.run(
            observed: [0, 1, 2], space: .listed([[0, 2, 1], [1, 0, 2]]), options: options, statistic: Self.linear)
        #expect(result.evaluated == 3)
        #expect(result.extremeCount == 1)
        #expect(result.pValue == 1.0 / 3)
    }

    @Test("failed statistics are excluded and counted")
    func failuresExcluded() throws {
        var options = PermutationOptions()
        options.nullCenter = 6
        // Allocations with a₀ = 2 fail (nil and NaN): the valid values are 8, 7, 7, 5.
        let result = try PermutationTest.run(
            observed: [0, 1, 2], space: .permutations(of: [0, 1, 2]), options: options
        ) { a in a[0] == 2 ? (a[1] == 0 ? nil : .nan) : Self.linear(a) }
        #expect(result.failedCount == 2)
        #expect(result.evaluated == 4)
        #expect(result.pValue == 1.0 / 4)
        let allFinite = result.distribution.allSatisfy { $0.isFinite }
        #expect(allFinite)
    }

    @Test("ties within a relative 1e-9 count as extreme")
    func tiesTolerance() throws {
        // T(observed) = 1, the other allocation gives −1 · (1 − 1e-12): a tie after refit noise.
        let result = try PermutationTest.run(observed: [0, 1], space: .permutations(of: [0, 1])) { a in
            a == [0, 1] ? 1 : -(1 - 1e-12)
        }
        #expect(result.pValue == 1)
        let clear = try PermutationTest.run(observed: [0, 1], space: .permutations(of: [0, 1])) { a in
            a == [0, 1] ? 1 : -(1 - 1e-6)
        }
        #expect(clear.pValue == 0.5)
    }

    @Test("Monte Carlo: reproducible from the seed, independent of threads, Phipson–Smyth p")
    func monteCarloReproducible() throws {
        let labels = Array(0..<9)  // 362,880 allocations
        let weights = (0..<9).map { Double($0) - 4 }
        let statistic: @Sendable ([Int]) -> Double? = { a in
            zip(a, weights).reduce(0) { $0 + Double($1.0) * $1.1 } / 10
        }
        let observed = [3, 1, 4, 0, 8, 5, 2, 7, 6]
        var options = PermutationOptions(exactLimit: 1000, monteCarloDraws: 3000, seed: 42)
        let serial = try PermutationTest.run(
            observed: observed, space: .permutations(of: labels), options: { var o = options; o.threads = 1; return o }(),
            statistic: statistic)
        let two = try PermutationTest.run(
            observed: observed, space: .permutations(of: labels), options: { var o = options; o.threads = 2; return o }(),
            statistic: statistic)
        options.threads = nil
        let all = try PermutationTest.run(observed: observed, space: .permutations(of: labels), options: options, statistic: statistic)
        #expect(serial == two)
        #expect(serial == all)
        #expect(!serial.isExact)
        #expect(serial.spaceSize == 362_880)
        #expect(serial.evaluated == 3000)
        let b = serial.distribution.filter { abs($0) >= abs(serial.observed) * (1 - 1e-9) }.count
        #expect(serial.extremeCount == b)
        #expect(serial.pValue == Double(b + 1) / 3001)
        let se = (serial.pValue * (1 - serial.pValue) / 3000).squareRoot()
        #expect(abs(serial.monteCarloStandardError - se) < 1e-15)
        // A different seed gives different draws.
        options.seed = 43
        let other = try PermutationTest.run(observed: observed, space: .permutations(of: labels), options: options, statistic: statistic)
        #expect(other.distribution != serial.distribution)
    }

    @Test("Monte Carlo agrees with exact enumeration within its standard error")
    func monteCarloMatchesExact() throws {
        let statistic: @Sendable ([Int]) -> Double? = { a in
            Double(a[0] - a[5]) + 0.5 * Double(a[1] - a[4]) + 0.25 * Double(a[2] - a[3])
        }
        let observed = [4, 5, 3, 2, 0, 1]
        let exact = try PermutationTest.run(observed: observed, space: .permutations(of: Array(0..<6)), statistic: statistic)
        #expect(exact.isExact && exact.evaluated == 720)
        let sampled = try PermutationTest.run(
            observed: observed, space: .permutations(of: Array(0..<6)),
            options: PermutationOptions(exactLimit: 0, monteCarloDraws: 20_000, seed: 5), statistic: statistic)
        #expect(!sampled.isExact)
        #expect(exact.pValue > 0.01 && exact.pValue < 0.5)
        #expect(abs(sampled.pValue - exact.pValue) < 4 * sampled.monteCarloStandardError)
        // A listed space is sampled by index: same agreement.
        let listed = try PermutationTest.run(
            observed: observed, space: .listed(MultisetPermutations.all(Array(0..<6))),
            options: PermutationOptions(exactLimit: 100, monteCarloDraws: 20_000, seed: 6), statistic: statistic)
        #expect(abs(listed.pValue - exact.pValue) < 4 * listed.monteCarloStandardError)
    }

    @Test("p-values stay in their bounds")
    func bounds() throws {
        // The most extreme allocation: exact p = 2/720 (itself and its mirror), MC p ≥ 1/(m + 1).
        let statistic: @Sendable ([Int]) -> Double? = { a in
            (0..<6).reduce(0.0) { $0 + Double(a[$1]) * (Double($1) - 2.5) }
        }
        let observed = Array(0..<6)
        let exact = try PermutationTest.run(observed: observed, space: .permutations(of: observed), statistic: statistic)
        #expect(exact.pValue == 2.0 / 720)
        let sampled = try PermutationTest.run(
            observed: observed, space: .permutations(of: observed),
            options: PermutationOptions(exactLimit: 0, monteCarloDraws: 500, seed: 9), statistic: statistic)
        #expect(sampled.pValue >= 1.0 / 501 && sampled.pValue <= 1)
        #expect(sampled.monteCarloStandardError > 0)
    }

    @Test("hostile inputs give errors or p = 1, never a crash")
    func hostile() throws {
        #expect(throws: RandomizationError.emptySpace) {
            try PermutationTest.run(observed: [0], space: .listed([]), statistic: { _ in 1 })
        }
        #expect(throws: RandomizationError.allocationLength(index: 1, length: 1, clusters: 2)) {
            try PermutationTest.run(observed: [0, 1], space: .listed([[1, 0], [0]]), statistic: { _ in 1 })
        }
        #expect(throws: RandomizationError.observedStatisticFailed) {
            try PermutationTest.run(observed: [0, 1], space: .permutations(of: [0, 1]), statistic: { _ in nil })
        }
        // Sampled allocations that all fail (the observed one succeeds but is not drawn).
        #expect(throws: RandomizationError.allStatisticsFailed(failed: 5)) {
            try PermutationTest.run(
                observed: [0, 1], space: .listed([[1, 0]]),
                options: PermutationOptions(exactLimit: 0, monteCarloDraws: 5), statistic: { $0 == [0, 1] ? 1 : nil })
        }
        // In exact mode a listed space without the observed allocation gains it, so p = 1 here.
        let appended = try PermutationTest.run(
            observed: [0, 1], space: .listed([[1, 0]]), statistic: { $0 == [0, 1] ? 1 : nil })
        #expect(appended.evaluated == 1 && appended.failedCount == 1 && appended.pValue == 1)
        #expect(throws: RandomizationError.invalidOption(name: "monteCarloDraws", value: "0")) {
            try PermutationTest.run(
                observed: [0, 1], space: .permutations(of: [0, 1]),
                options: PermutationOptions(monteCarloDraws: 0), statistic: { _ in 1 })
        }
        // One cluster, or every cluster on the same sequence: one allocation, p = 1.
        let one = try PermutationTest.run(observed: [0], space: .permutations(of: [0]), statistic: { _ in 0.7 })
        #expect(one.pValue == 1 && one.evaluated == 1)
        let same = try PermutationTest.run(observed: [1, 1, 1], space: .permutations(of: [1, 1, 1]), statistic: { _ in 2 })
        #expect(same.pValue == 1 && same.evaluated == 1)
        let description = RandomizationError.allocationLength(index: 3, length: 5, clusters: 6).description
        #expect(description.contains("Allocation 3") && description.contains("6 clusters"))
    }
}
