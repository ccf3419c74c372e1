// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

/// Coverage sanity of the NPWP randomization interval on seeded simulated data.
///
/// Cluster-period summaries follow an additive model, `p_cj = 0.3 + u_c + v_cj + θ·X_cj + e_cj`, with
/// cluster effects `u_c`, period effects that differ by cluster (`v_cj`, the case NPWP is built for) and
/// noise. With θ constant and additive, the inverted exact permutation test has coverage ≥ 95% by
/// construction (Thompson et al. 2018), so among 24 datasets at most a few may miss θ: with exactly
/// 95% coverage, 21 or more cover with probability 0.97 (binomial), which the test requires.
@Suite("NPWP coverage")
struct NPWPCoverageTests {
    @Test("95% randomization intervals cover the true risk difference on simulated data")
    func coverage() throws {
        let theta = 0.1
        let schedule = (0..<3).map { s in (0..<4).map { $0 > s } }  // 3 sequences × 4 periods
        var rng = SplitMix64(seed: 2024)
        var covered = 0, widths: [Double] = []
        for _ in 0..<24 {
            let observed = MultisetPermutations.random([0, 0, 1, 1, 2, 2], using: &rng)
            var cluster: [Int] = [], period: [Int] = [], summary: [Double] = []
            let u = (0..<6).map { _ in Sampling.normal(mean: 0, standardDeviation: 0.08, using: &rng) }
            for c in 0..<6 {
                for j in 0..<4 {
                    let v = 0.03 * Double(j) + Sampling.normal(mean: 0, standardDeviation: 0.04, using: &rng)
                    let e = Sampling.normal(mean: 0, standardDeviation: 0.03, using: &rng)
                    cluster.append(c)
                    period.append(j)
                    summary.append(0.3 + u[c] + v + (schedule[observed[c]][j] ? theta : 0) + e)
                }
            }
            let table = NonparametricWithinPeriod(cluster: cluster, period: period, summary: summary)
            let ci = try PermutationInterval.npwp(
                table, schedule: schedule, observed: observed, space: .permutations(of: observed))
            let lower = ci.lower ?? -.infinity, upper = ci.upper ?? .infinity
            if lower < theta && theta < upper { covered += 1 }
            widths.append(upper - lower)
        }
        #expect(covered >= 21, "covered \(covered) of 24")
        // Informative: every interval is bounded and narrower than 0.6 on the risk-difference scale.
        let widest = widths.max() ?? .infinity
        #expect(widest < 0.6, "widest interval \(widest)")
    }
}
