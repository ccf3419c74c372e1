// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

/// The exact GLMM permutation test against 720 lme4 refits per hypothesis
/// (`Fixtures/permutation/reference.R`): every permuted log OR, the observed statistic and the exact
/// p-value, at `θ₀ = 0` (the test) and at two shifted hypotheses (the p-values the interval inverts).
///
/// Tolerances:
/// - coefficients: at least 98% of the 720 within 1e-5 and all within 1e-4 (observed: 707, 716 and 720 of
///   720 within 1e-5 at θ₀ = 0, 0.2, 1.6; largest difference 7.4e-5). For a few allocations the
///   likelihood is very flat along the permuted treatment coefficient and lme4 stops short even with the
///   best of two tight optimisers (bobyqa alone stopped up to 4e-4 short);
/// - log-likelihood: ours is never below lme4's by more than 1e-9 (observed: at most 2.4e-11 below, and
///   up to 1.1e-7 above exactly where the coefficients differ most), so every disagreement is lme4
///   stopping short of the optimum that we reach;
/// - p-values: equal. R also writes the smallest gap between `|T|` and `|T_obs|`; the test requires it
///   to exceed 1e-4, so no allocation is close enough for refit noise to flip the count.
@Suite("Permutation GLMM reference")
struct PermutationGLMMReferenceTests {
    @Test("720 refits match lme4", arguments: [0.0, 0.2, 1.6])
    func matchesLme4(theta0: Double) throws {
        var reference: [String: [Int: Double]] = [:]
        for row in try PermutationFixtures.table("permutation", "glmm") where Double(row["theta0"]!)! == theta0 {
            reference[row["quantity"]!, default: [:]][Int(row["index"]!)!] = Double(row["value"]!)!
        }
        let coef = try #require(reference["coef"]), loglik = try #require(reference["loglik"])
        try #require(coef.count == 720 && loglik.count == 720, "fixture rows for θ₀ = \(theta0)")
        let data = try PermutationFixtures.swift()
        let (cells, period) = data.cells()
        let base = try GLMMPermutationStatistic(cells: cells, period: period, treatmentColumn: 1, schedule: data.schedule)
        let statistic = try #require(base.shifted(by: theta0, observed: data.observed))
        let space = AllocationSpace.permutations(of: data.observed)
        let result = try PermutationTest.run(observed: data.observed, space: space) { statistic($0) }
        #expect(result.isExact && result.evaluated == 720 && result.failedCount == 0)
        let observed = reference["observed"]![-1]!
        #expect(abs(result.observed - observed) < 2e-5, "T_obs \(result.observed) vs \(observed)")
        var worst = 0.0, close = 0, worstLogLik = -Double.infinity
        for (k, allocation) in MultisetPermutations.all(data.observed).enumerated() {
            let difference = abs(result.distribution[k] - coef[k]!)
            worst = max(worst, difference)
            if difference <= 1e-5 { close += 1 }
            let fit = try #require(statistic.fit(allocation))
            worstLogLik = max(worstLogLik, loglik[k]! - fit.logLikelihood)
        }
        #expect(close >= 706, "only \(close) of 720 coefficients within 1e-5 of lme4")
        #expect(worst < 1e-4, "largest coefficient difference from lme4: \(worst)")
        #expect(worstLogLik < 1e-9, "lme4's log-likelihood exceeds ours by \(worstLogLik)")
        #expect(reference["gap"]![-3]! > 1e-4, "a near-tie in R's distribution; p-values may differ legitimately")
        #expect(result.pValue == reference["p"]![-2]!)
    }
}
