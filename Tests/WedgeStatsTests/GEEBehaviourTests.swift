// SPDX-License-Identifier: Apache-2.0

import RealModule
import Testing

@testable import WedgeStats

@Suite("GEE behaviour")
struct GEEBehaviourTests {
    @Test("cluster-period binomial cells give the individual-level fit")
    func cellsMatchIndividuals() throws {
        let data = try GEEDataset.load("classic12x7")
        let individual = LogisticGEE.fit(y: data.y, design: data.design, cluster: data.cluster)
        var cells: [[Int]: (trt: Double, m: Int, s: Int)] = [:]
        for k in data.y.indices {
            let key = [data.cluster[k], data.period[k]]
            let old = cells[key] ?? (data.treated[k], 0, 0)
            cells[key] = (old.trt, old.m + 1, old.s + Int(data.y[k]))
        }
        let keys = cells.keys.sorted { $0.lexicographicallyPrecedes($1) }
        let design = GEEDataset.design(treated: keys.map { cells[$0]!.trt }, period: keys.map { $0[1] })
        let grouped = LogisticGEE.fit(
            successes: keys.map { cells[$0]!.s }, trials: keys.map { cells[$0]!.m }, design: design,
            cluster: keys.map { $0[0] })
        #expect(grouped.converged)
        #expect(grouped.observationCount == data.y.count)
        #expect(grouped.clusterCount == 12)
        for (a, b) in zip(grouped.coefficients, individual.coefficients) { expectClose(a, b, tolerance: 1e-9, "coef") }
        expectClose(grouped.alpha, individual.alpha, tolerance: 1e-9, "alpha")
        expectClose(grouped.scale, individual.scale, tolerance: 1e-9, "scale")
        for variance in GEEVariance.allCases {
            #expect(covarianceDiscrepancy(grouped.covariance(variance), individual.covariance(variance)) < 1e-9)
        }
    }

    @Test("row order and cluster labels do not matter")
    func orderInvariance() throws {
        let data = try GEEDataset.load("swift6x5")
        let order = data.y.indices.sorted { (data.cluster[$0], $0) < (data.cluster[$1], $1) }.reversed()
        let design = data.design
        let reordered = Matrix(order.map { r in (0..<design.columns).map { design[r, $0] } })
        // relabel clusters 0…5 as 10, 20, …, 60 (indices need not be contiguous)
        let a = LogisticGEE.fit(y: data.y, design: design, cluster: data.cluster)
        let b = LogisticGEE.fit(
            y: order.map { data.y[$0] }, design: reordered,
            cluster: order.map { 10 * (data.cluster[$0] + 1) })
        #expect(b.clusterCount == 6)
        for (x, y) in zip(a.coefficients, b.coefficients) { expectClose(x, y, tolerance: 1e-10, "coef") }
        #expect(covarianceDiscrepancy(b.kauermannCarroll, a.kauermannCarroll) < 1e-10)
    }

    @Test("bias corrections inflate the sandwich: robust ≤ KC ≤ MD")
    func correctionOrdering() throws {
        for name in ["swift6x5", "classic12x7"] {
            let data = try GEEDataset.load(name)
            let fit = LogisticGEE.fit(y: data.y, design: data.design, cluster: data.cluster)
            let robust = fit.standardErrors(.robust)
            let kc = fit.standardErrors(.kauermannCarroll)
            let md = fit.standardErrors(.manclDeRouen)
            for j in robust.indices { #expect(robust[j] < kc[j] && kc[j] < md[j], "\(name) coefficient \(j)") }
            #expect(fit.alpha > 0)
        }
    }

    @Test("degrees-of-freedom rules")
    func degreesOfFreedom() throws {
        let data = try GEEDataset.load("swift6x5")
        let fit = LogisticGEE.fit(y: data.y, design: data.design, cluster: data.cluster)
        let fixed = fit.inference(coefficient: 1, variance: .robust, degreesOfFreedom: .fixed(9))
        #expect(fixed.degreesOfFreedom == 9)
        let z = fit.inference(coefficient: 1, variance: .robust, degreesOfFreedom: .normal)
        #expect(z.degreesOfFreedom == .infinity)
        expectClose(z.upper - z.estimate, Normal.quantile(0.975) * z.standardError, tolerance: 1e-12, "z interval")
        expectClose(z.pValue, 2 * Normal.complementaryCDF(abs(z.statistic)), tolerance: 1e-12, "z p")
        // 6 clusters, 6 parameters: K − p = 0 leaves no degrees of freedom
        let none = fit.inference(
            coefficient: 1, variance: .kauermannCarroll, degreesOfFreedom: .clustersMinusParameters)
        #expect(none.degreesOfFreedom == 0)
        #expect(none.pValue.isNaN && none.lower.isNaN && none.estimate == fit.coefficients[1])
        #expect(DegreesOfFreedomRule.clustersMinus(2).description == "clusters − 2")
        let wide = fit.inference(coefficient: 1, variance: .robust, confidenceLevel: 0.99)
        let narrow = fit.inference(coefficient: 1, variance: .robust, confidenceLevel: 0.9)
        #expect(wide.lower < narrow.lower && narrow.upper < wide.upper)
    }

    @Test("invalid input and singular designs are reported, not thrown")
    func failures() {
        let x = Matrix([[1, 0], [1, 1], [1, 0], [1, 1]])
        let bad = LogisticGEE.fit(y: [0, 2, 1, 0], design: x, cluster: [0, 0, 1, 1])
        #expect(bad.status == .invalidInput && bad.coefficients.allSatisfy { $0.isNaN } && !bad.converged)
        #expect(LogisticGEE.fit(y: [0, 1, 1], design: x, cluster: [0, 0, 1, 1]).status == .invalidInput)
        #expect(LogisticGEE.fit(y: [0, 1, 1, 0], design: x, cluster: [0, 0, -1, 1]).status == .invalidInput)
        let cells = LogisticGEE.fit(successes: [3], trials: [2], design: Matrix([[1]]), cluster: [0])
        #expect(cells.status == .invalidInput)
        // a duplicated column makes B singular
        let collinear = Matrix([[1, 1], [1, 1], [1, 1], [1, 1]])
        let singular = LogisticGEE.fit(y: [0, 1, 1, 0], design: collinear, cluster: [0, 0, 1, 1])
        #expect(singular.status == .singular)
        #expect(singular.robust.storage.allSatisfy { $0.isNaN })
    }

    @Test("an iteration limit is reported as non-convergence with the last iterate")
    func iterationLimit() throws {
        let data = try GEEDataset.load("classic12x7")
        let fit = LogisticGEE.fit(
            y: data.y, design: data.design, cluster: data.cluster,
            options: GEEOptions(maxIterations: 1, tolerance: 1e-14))
        #expect(fit.status == .iterationLimitReached && !fit.converged && fit.iterations == 1)
        #expect(fit.coefficients.allSatisfy { $0.isFinite })
    }

    @Test("Jacobi eigen-decomposition reconstructs a symmetric matrix")
    func symmetricEigen() {
        let a = Matrix([[4, 1, -2, 0.5], [1, 3, 0, 1e-9], [-2, 0, 5, 2], [0.5, 1e-9, 2, 1]])
        let e = SymmetricEigen(a)
        for i in 0..<4 {
            for j in 0..<4 {
                var s = 0.0
                for k in 0..<4 { s += e.vectors[i, k] * e.values[k] * e.vectors[j, k] }
                #expect(abs(s - a[i, j]) < 1e-13, "A[\(i),\(j)]")
                var d = 0.0
                for k in 0..<4 { d += e.vectors[k, i] * e.vectors[k, j] }
                #expect(abs(d - (i == j ? 1 : 0)) < 1e-14, "U'U[\(i),\(j)]")
            }
        }
    }
}
