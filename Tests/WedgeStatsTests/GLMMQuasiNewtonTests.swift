// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

/// `GLMMOptions.quasiNewton`, the cheap optimiser of permutation refits, reaches the full Newton optimum.
///
/// Tolerance: the log OR within 1e-5 and the deviance within 1e-4 of the Newton fit. Both stop on a Newton
/// decrement below 1e-10, yet near the optimum the Laplace deviance is flat to about 1e-5 (its inner modes are
/// solved to 1e-13), so the two optimisers stop at points up to 3e-5 apart in deviance, and the quasi-Newton
/// one is as often the lower: the same optimum for a permutation statistic, far inside lme4's own spread.
@Suite("GLMM quasi-Newton refits")
struct GLMMQuasiNewtonTests {
    @Test("Same optimum as Newton, observed and with the treatment column reversed in time",
          arguments: ["swift", "sparse", "twelve", "large"])
    func sameOptimum(dataset: String) throws {
        let data = try DatasetReferenceData.load(dataset)
        var cells = data.cells
        for permuted in [false, true] {
            if permuted {
                // A different, still valid allocation: each cluster takes another cluster's treatment pattern.
                let clusters = cells.clusterCount
                var byClusterPeriod: [Int: Double] = [:]
                let periodColumns = 2..<cells.design.columns
                func periodOf(_ i: Int) -> Int { periodColumns.first { cells.design[i, $0] == 1 } ?? 0 }
                for i in 0..<cells.count { byClusterPeriod[cells.cluster[i] * 1000 + periodOf(i)] = cells.design[i, 1] }
                for i in 0..<cells.count {
                    let other = clusters - 1 - cells.cluster[i]
                    if let x = byClusterPeriod[other * 1000 + periodOf(i)] { cells.design[i, 1] = x }
                }
            }
            let newton = LogisticGLMM.fit(cells)
            let quasi = LogisticGLMM.fit(cells, options: GLMMOptions(quasiNewton: true))
            #expect(newton.converged && quasi.converged, "\(dataset) \(permuted): \(quasi.message)")
            #expect(abs(newton.coefficients[1] - quasi.coefficients[1]) < 1e-5, "\(dataset) \(permuted)")
            #expect(abs(newton.deviance - quasi.deviance) < 1e-4, "\(dataset) \(permuted)")
        }
    }
}
