// SPDX-License-Identifier: Apache-2.0

import RealModule
import Testing
import WedgeStats

/// The Cox model against `coxph(ties = "efron")`.
///
/// Tolerance 1e-8 relative. Our Newton–Raphson takes the same steps from the same start and stops
/// at the same iterate as coxph, so agreement is limited only by rounding in the sums (centring,
/// summation order), typically 1e-12 or better; 1e-8 leaves headroom for a different but
/// equally valid accumulation order. The robust SE goes through the score residuals, then one more
/// matrix product, and is held to the same 1e-8.
@Suite("Survival: Cox model")
struct SurvivalCoxModelTests {
    static let tolerance = 1e-8

    static func fit(_ model: String, ties: CoxTies = .efron) throws -> (CoxModel, [String]) {
        let d = try SurvivalFixture.data()
        switch model {
        case "rapid":
            let x = Matrix(d.rapid.map { [Double($0)] })
            return (CoxModel(time: d.time, event: d.event, covariates: x, ties: ties), ["rapid"])
        case "rapid_age_cluster":
            let x = Matrix(d.time.indices.map { [Double(d.rapid[$0]), d.age[$0]] })
            return (
                CoxModel(time: d.time, event: d.event, covariates: x, cluster: d.site, ties: ties), ["rapid", "age"]
            )
        default:
            let x = Matrix(d.time.indices.map { [Double(d.rapid[$0]), d.age[$0]] })
            return (
                CoxModel(time: d.time, event: d.event, covariates: x, strata: d.period, cluster: d.site, ties: ties),
                ["rapid", "age"]
            )
        }
    }

    @Test(
        "coefficients, SEs, robust SEs, log-likelihoods, score test, iterations",
        arguments: ["rapid", "rapid_age_cluster", "rapid_age_strata_cluster"])
    func againstCoxph(model: String) throws {
        let rows = try SurvivalFixture.load("cox").filter { $0.fields["model"] == model }
        let row = { (term: String) in rows.first { $0.fields["term"] == term }! }
        let (fit, terms) = try Self.fit(model)
        #expect(fit.isConverged)
        #expect(fit.count == 415)
        #expect(Double(fit.iterations) == row("iter").value("coef"))
        var worst = 0.0
        func check(_ actual: Double, _ expected: Double, _ what: String) {
            expectSurvivalClose(actual, expected, tolerance: Self.tolerance, "\(model) \(what)")
            if !expected.isNaN { worst = Swift.max(worst, abs(actual - expected) / abs(expected)) }
        }
        check(fit.initialLogLikelihood, row("loglik0").value("coef"), "loglik0")
        check(fit.logLikelihood, row("loglik").value("coef"), "loglik")
        check(fit.scoreStatistic, row("score").value("coef"), "score test")
        let table = fit.coefficientTable()
        for (j, term) in terms.enumerated() {
            let r = row(term)
            check(fit.coefficients[j], r.value("coef"), "\(term) coef")
            check(fit.standardErrors[j], r.value("se"), "\(term) se")
            if r.value("robust_se").isNaN {
                #expect(fit.robustStandardErrors == nil)
            } else {
                check(try #require(fit.robustStandardErrors)[j], r.value("robust_se"), "\(term) robust se")
            }
            check(table[j].z, r.value("z"), "\(term) z")
            check(table[j].pValue, r.value("p"), "\(term) p")
            check(table[j].hazardRatio.estimate, r.value("hr"), "\(term) HR")
            check(table[j].hazardRatio.lower, r.value("hr_lower"), "\(term) HR lower")
            check(table[j].hazardRatio.upper, r.value("hr_upper"), "\(term) HR upper")
        }
        print("SURVIVAL-REPORT cox \(model) maxRelErr=\(worst)")
    }

    @Test("Breslow and Efron coincide without ties; differ with them")
    func ties() throws {
        let time: [Double] = [2, 3, 5, 7, 11, 13, 17, 19]
        let event = [true, true, false, true, true, false, true, true]
        let x = Matrix([[0], [1], [0], [1], [0], [1], [1], [0]])
        let efron = CoxModel(time: time, event: event, covariates: x)
        let breslow = CoxModel(time: time, event: event, covariates: x, ties: .breslow)
        expectClose(efron.coefficients[0], breslow.coefficients[0], tolerance: 1e-14)
        let (e, _) = try Self.fit("rapid")
        let (b, _) = try Self.fit("rapid", ties: .breslow)
        #expect(abs(e.logLikelihood - b.logLikelihood) > 1)
    }

    @Test("score residuals sum to the score: robust variance of one cluster is ~0")
    func singleCluster() throws {
        let d = try SurvivalFixture.data()
        let x = Matrix(d.time.indices.map { [Double(d.rapid[$0]), d.age[$0]] })
        let fit = CoxModel(time: d.time, event: d.event, covariates: x, cluster: Array(repeating: 1, count: 415))
        // One cluster: D = U(β̂)ᵀ I⁻¹ ≈ 0 at the maximum.
        let robust = try #require(fit.robustStandardErrors)
        #expect(robust.allSatisfy { $0 < 1e-6 })
        // Each participant its own cluster gives the ordinary (unclustered) robust sandwich,
        // which must be of the same order as the model-based SE.
        let own = CoxModel(time: d.time, event: d.event, covariates: x, cluster: Array(0..<415))
        let ratio = own.robustStandardErrors![0] / own.standardErrors[0]
        #expect(ratio > 0.8 && ratio < 1.25)
    }

    @Test("edge cases: constant covariate, no covariates, no events")
    func edgeCases() {
        let time: [Double] = [1, 2, 3, 4]
        let constant = CoxModel(
            time: time, event: [true, true, false, true], covariates: Matrix([[1], [1], [1], [1]]))
        #expect(!constant.isConverged)
        #expect(constant.standardErrors[0].isNaN)
        let null = CoxModel(time: time, event: [true, true, false, true], covariates: Matrix(rows: 4, columns: 0))
        expectClose(null.logLikelihood, -(Double.log(4) + Double.log(3) + Double.log(1)))
        let none = CoxModel(time: time, event: [false, false, false, false], covariates: Matrix([[0], [1], [0], [1]]))
        #expect(!none.isConverged)
    }

    @Test("20,000 participants fit quickly and keep the score at zero")
    func large() {
        var rng = SeededGenerator(seed: 97)
        let n = 20_000
        var time: [Double] = []
        var event: [Bool] = []
        var rows: [[Double]] = []
        var site: [Int] = []
        for i in 0..<n {
            let rapid = Double(i % 2)
            let u = Double(rng.next() >> 11) / Double(1 << 53)
            let latent = (-Double.log(1 - u) / (Double.log(2) / 40 * Double.exp(-0.4 * rapid))).rounded(.up)
            time.append(Swift.min(latent, 60))
            event.append(latent <= 60)
            rows.append([rapid])
            site.append(i % 6)
        }
        let fit = CoxModel(time: time, event: event, covariates: Matrix(rows), cluster: site)
        #expect(fit.isConverged)
        #expect(abs(fit.coefficients[0] + 0.4) < 0.1)
        #expect(fit.robustStandardErrors != nil)
    }
}
