// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

/// The NPWP estimator against a hand computation and against the base-R implementation in
/// `Fixtures/npwp/reference.R` (estimates, period contrasts and weights to 1e-12; exact p-values equal,
/// since both count the same allocations with the same tie rule).
@Suite("NPWP")
struct NPWPTests {
    @Test("hand computation on a 3-cluster, 2-period table")
    func byHand() throws {
        // Period 0: cluster 0 treated (3/4), clusters 1, 2 control (1/4, 2/4) → d₀ = 0.75 − 0.375 = 0.375,
        //           w₀ = 1/(1 + 1/2) = 2/3.
        // Period 1: clusters 0, 1 treated (4/4 and 2/4, cells 1/2 + 1/2 merged), cluster 2 control (0/4)
        //           → d₁ = 0.75 − 0 = 0.75, w₁ = 2/3.  θ̂ = (0.375 + 0.75)/2 = 0.5625.
        let table = try NonparametricWithinPeriod(
            cluster: [0, 1, 2, 0, 1, 1, 2], period: [0, 0, 0, 1, 1, 1, 1],
            successes: [3, 1, 2, 4, 1, 1, 0], trials: [4, 4, 4, 4, 2, 2, 4])
        let treated: [[Bool]] = [[true, true], [false, true], [false, false]]
        let estimate = try #require(table.estimate { c, j in treated[c][j] })
        #expect(estimate.periods.count == 2)
        #expect(estimate.periods[0].difference == 0.375)
        #expect(estimate.periods[1].difference == 0.75)
        #expect(abs(estimate.periods[0].weight - 2.0 / 3) < 1e-15)
        #expect(estimate.periods[1].interventionClusters == 2 && estimate.periods[1].controlClusters == 1)
        #expect(abs(estimate.estimate - 0.5625) < 1e-15)
        // The same from per-cell flags.
        let cells = try NonparametricWithinPeriod.estimate(
            cluster: [0, 1, 2, 0, 1, 1, 2], period: [0, 0, 0, 1, 1, 1, 1],
            treated: [true, false, false, true, true, true, false],
            successes: [3, 1, 2, 4, 1, 1, 0], trials: [4, 4, 4, 4, 2, 2, 4])
        #expect(cells == estimate)
        #expect(throws: RandomizationError.self) {
            try NonparametricWithinPeriod.estimate(
                cluster: [0, 0], period: [1, 1], treated: [true, false], successes: [1, 1], trials: [2, 2])
        }
    }

    @Test("matches base R: estimate, contrasts, weights, exact p and p(θ₀)", arguments: ["swift", "classic"])
    func againstR(dataset: String) throws {
        let ref = try PermutationFixtures.npwp(dataset)
        let data = try dataset == "swift" ? PermutationFixtures.swift() : PermutationFixtures.classic()
        let table = try NonparametricWithinPeriod(
            cluster: data.cluster, period: data.period, successes: data.successes, trials: data.trials)
        let observed = data.observed, schedule = data.schedule
        let estimate = try #require(table.estimate { c, j in schedule[observed[c]][j] })
        expectClose(estimate.estimate, ref["estimate"]![0]!, tolerance: 1e-12, "estimate")
        #expect(estimate.periods.map(\.period) == ref["d"]!.keys.sorted())
        for contrast in estimate.periods {
            expectClose(contrast.difference, ref["d"]![contrast.period]!, tolerance: 1e-12, "d\(contrast.period)")
            expectClose(contrast.weight, ref["w"]![contrast.period]!, tolerance: 1e-12, "w\(contrast.period)")
        }
        let space = AllocationSpace.permutations(of: observed)
        let test = try PermutationTest.run(observed: observed, space: space, statistic: table.statistic(schedule: schedule))
        #expect(test.isExact)
        #expect(Double(test.evaluated) == ref["allocations"]![0]!)
        expectClose(test.pValue, ref["p_exact"]![0]!, tolerance: 1e-12, "p")
        if let perms = ref["perm"] {
            #expect(test.distribution.count == perms.count)
            for (k, value) in test.distribution.enumerated() {
                expectClose(value, perms[k]!, tolerance: 1e-12, "allocation \(k)")
            }
        }
        for (milli, p) in ref["p_theta0"]! {
            let theta0 = Double(milli) / 1000
            let shifted = table.shifted(by: theta0) { c, j in schedule[observed[c]][j] }
            let result = try PermutationTest.run(
                observed: observed, space: space, statistic: shifted.statistic(schedule: schedule))
            expectClose(result.pValue, p, tolerance: 1e-12, "p(\(theta0))")
            expectClose(result.observed, estimate.estimate - theta0, tolerance: 1e-9, "shifted T_obs at \(theta0)")
        }
    }

    @Test("the randomization interval brackets the estimate and crosses α at its endpoints")
    func interval() throws {
        let data = try PermutationFixtures.swift()
        let table = try NonparametricWithinPeriod(
            cluster: data.cluster, period: data.period, successes: data.successes, trials: data.trials)
        let observed = data.observed, schedule = data.schedule
        let space = AllocationSpace.permutations(of: observed)
        let ci = try PermutationInterval.npwp(table, schedule: schedule, observed: observed, space: space)
        let lower = try #require(ci.lower), upper = try #require(ci.upper)
        #expect(lower < ci.estimate && ci.estimate < upper)
        #expect(upper - lower < 1)  // a risk difference interval narrower than the whole scale
        // R: p(0) = 0.019 < 0.05, so 0 is excluded; p(0.1) = 0.37 and p(0.2) = 0.71, so both are inside.
        #expect(lower > 0 && lower < 0.1 && upper > 0.2)
        let p: (Double) throws -> Double = { theta0 in
            let shifted = table.shifted(by: theta0) { c, j in schedule[observed[c]][j] }
            return try PermutationTest.run(
                observed: observed, space: space, statistic: shifted.statistic(schedule: schedule)).pValue
        }
        for end in [lower, upper] {
            let outward = end < ci.estimate ? -1.0 : 1.0
            #expect(try p(end - outward * ci.tolerance) > 0.05)
            #expect(try p(end + outward * ci.tolerance) <= 0.05)
        }
        #expect(ci.failedEvaluations == 0)
        #expect(ci.evaluations > 4)
    }

    @Test("hostile inputs: no contrast, no trials, bad counts")
    func hostile() throws {
        // Every cluster treated in every period: no period has both conditions.
        let table = try NonparametricWithinPeriod(cluster: [0, 1], period: [0, 0], successes: [1, 2], trials: [3, 3])
        #expect(table.estimate { _, _ in true } == nil)
        #expect(table.statistic(schedule: [[true]])([0, 0]) == nil)
        // An allocation naming an unknown sequence, or too short, fails cleanly.
        #expect(table.statistic(schedule: [[true], [false]])([0, 5]) == nil)
        #expect(table.statistic(schedule: [[true], [false]])([0]) == nil)
        #expect(table.statistic(schedule: [[true], [false]])([0, 1]) == 1.0 / 3 - 2.0 / 3)
        // All-zero outcomes give a zero difference, not NaN; cells with no trials are dropped.
        let zeros = try NonparametricWithinPeriod(
            cluster: [0, 1, 2], period: [0, 0, 0], successes: [0, 0, 0], trials: [5, 0, 4])
        #expect(zeros.summary == [0, 0])
        #expect(zeros.estimate { c, _ in c == 0 }?.estimate == 0)
        #expect(throws: RandomizationError.self) {
            try NonparametricWithinPeriod(cluster: [0], period: [0], successes: [3], trials: [2])
        }
        #expect(throws: RandomizationError.self) {
            try NonparametricWithinPeriod(cluster: [0], period: [0], successes: [.nan], trials: [2])
        }
        #expect(throws: RandomizationError.self) {
            try NonparametricWithinPeriod(cluster: [0, 1], period: [0], successes: [1], trials: [2])
        }
        // Non-finite summaries given directly are dropped.
        let direct = NonparametricWithinPeriod(cluster: [0, 1, 2], period: [0, 0, 0], summary: [0.5, .nan, 0.25])
        #expect(direct.summary == [0.5, 0.25])
    }
}
