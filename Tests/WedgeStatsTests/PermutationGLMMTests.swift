// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

/// The GLMM log-OR permutation statistic, its exact test and its randomization interval.
@Suite("Permutation GLMM")
struct PermutationGLMMTests {
    static func statistic(_ data: PermutationFixtures.SteppedData) throws -> GLMMPermutationStatistic {
        let (cells, period) = data.cells()
        return try GLMMPermutationStatistic(cells: cells, period: period, treatmentColumn: 1, schedule: data.schedule)
    }

    @Test("the observed allocation reproduces the plain fit; re-allocation swaps only the treatment column")
    func observedAndReallocated() throws {
        let data = try PermutationFixtures.swift()
        let statistic = try Self.statistic(data)
        let plain = LogisticGLMM.fit(statistic.cells)
        #expect(statistic(data.observed) == plain.coefficients[1])
        let reversed = (0..<6).map { 5 - $0 }
        let x = try #require(statistic.treatment(for: reversed))
        for i in 0..<statistic.cells.count {
            #expect(x[i] == (statistic.period[i] >= 5 - statistic.cells.cluster[i] ? 1 : 0))
        }
        #expect(statistic.treatment(for: [0, 1]) == nil)        // too short
        #expect(statistic.treatment(for: [0, 1, 2, 3, 4, 9]) == nil)  // unknown sequence
        #expect(statistic([0, 1, 2, 3, 4, 9]) == nil)
    }

    @Test("the shifted statistic at the observed allocation is θ̂ − θ₀")
    func shifted() throws {
        let data = try PermutationFixtures.swift()
        let statistic = try Self.statistic(data)
        let estimate = try #require(statistic(data.observed))
        for theta0 in [-0.5, 0.0, 0.4, 1.5] {
            let shifted = try #require(statistic.shifted(by: theta0, observed: data.observed))
            let value = try #require(shifted(data.observed))
            #expect(abs(value - (estimate - theta0)) < 2e-6, "θ₀ = \(theta0)")
        }
    }

    @Test("exact test over 90 allocations: identical with 1 thread and all threads")
    func exactThreadIndependent() throws {
        let data = try PermutationFixtures.classic()
        let statistic = try Self.statistic(data)
        let space = AllocationSpace.permutations(of: data.observed)
        let serial = try PermutationTest.run(
            observed: data.observed, space: space, options: PermutationOptions(threads: 1)) { statistic($0) }
        let parallel = try PermutationTest.run(observed: data.observed, space: space) { statistic($0) }
        #expect(serial == parallel)
        #expect(serial.isExact && serial.evaluated + serial.failedCount == 90)
        #expect(serial.observed == LogisticGLMM.fit(statistic.cells).coefficients[1])
        #expect(serial.pValue >= 1.0 / 90 && serial.pValue <= 1)
        // The p-value is the share of the null distribution at least as far from 0 as T_obs.
        let b = serial.distribution.filter { abs($0) >= abs(serial.observed) * (1 - 1e-9) }.count
        #expect(serial.pValue == Double(b) / Double(serial.evaluated))
    }

    @Test("randomization interval for the log OR contains the estimate and crosses α at its ends")
    func interval() throws {
        let data = try PermutationFixtures.classic()
        let statistic = try Self.statistic(data)
        let space = AllocationSpace.permutations(of: data.observed)
        // Monte Carlo with 60 draws keeps the debug-build test short; the draws are shared by every θ₀.
        let options = PermutationOptions(exactLimit: 0, monteCarloDraws: 60, seed: 3)
        let ci = try PermutationInterval.glmm(
            statistic, observed: data.observed, space: space, level: 0.8, options: options)
        let lower = try #require(ci.lower), upper = try #require(ci.upper)
        #expect(lower < ci.estimate && ci.estimate < upper)
        #expect(upper - lower < 10)
        let p: (Double) throws -> Double = { theta0 in
            let shifted = try #require(statistic.shifted(by: theta0, observed: data.observed))
            return try PermutationTest.run(observed: data.observed, space: space, options: options) { shifted($0) }.pValue
        }
        for end in [lower, upper] {
            let outward = end < ci.estimate ? -1.0 : 1.0
            #expect(try p(end - outward * ci.tolerance) > 0.2)
            #expect(try p(end + outward * ci.tolerance) <= 0.2)
        }
    }

    @Test("hostile data: all-zero outcomes and a single cluster never crash")
    func hostile() throws {
        var data = try PermutationFixtures.classic()
        data.successes = data.successes.map { _ in 0 }
        let zeros = try Self.statistic(data)
        do {
            let result = try PermutationTest.run(
                observed: data.observed, space: .permutations(of: data.observed)) { zeros($0) }
            #expect(result.pValue > 0 && result.pValue <= 1)
        } catch {
            #expect(error == .observedStatisticFailed || error == .allStatisticsFailed(failed: 90))
        }
        let one = BinomialCells(
            successes: [2, 3], trials: [5, 5], cluster: [0, 0], design: Matrix([[1, 0], [1, 1]]))
        let single = try GLMMPermutationStatistic(
            cells: one, period: [0, 1], treatmentColumn: 1, schedule: [[false, true]])
        do {
            let result = try PermutationTest.run(observed: [0], space: .permutations(of: [0])) { single($0) }
            #expect(result.pValue == 1)
        } catch {
            #expect(error == .observedStatisticFailed)
        }
        #expect(throws: RandomizationError.self) {
            try GLMMPermutationStatistic(cells: one, period: [0], treatmentColumn: 1, schedule: [[false, true]])
        }
        #expect(throws: RandomizationError.self) {
            try GLMMPermutationStatistic(cells: one, period: [0, 2], treatmentColumn: 1, schedule: [[false, true]])
        }
    }
}
