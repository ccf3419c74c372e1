// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeStats

/// Exposure-time models under the Hussey–Hughes random effect and the GEE, against glmer and geeglm fits of
/// the same formulas (`Fixtures/models/reference-models.R`), and the spline basis against `splines::ns`.
///
/// GLMM tolerances as in ``NestedGLMMReferenceTests``. The GEE reproduces geepack's estimating equations and
/// stopping rule (both run to 1e-10), so coefficients and robust SEs agree to 1e-6 relative.
@Suite("Exposure-time models against lme4 and geepack")
struct ExposureTimeReferenceTests {
    @Test("GLMM with exposure-time indicators and splines", arguments: ModelReferenceData.names)
    func glmm(_ name: String) throws {
        let data = try ModelReferenceData.load(name)
        for (model, key) in [(ExposureTimeModel.indicators, "hh_eti"), (.naturalCubicSpline(knots: 4), "hh_ncs")] {
            let fit = LogisticGLMM.fit(data.cells(model))
            try #require(fit.converged, "\(key): \(fit.message)")
            let loglik = try data.number(key, "loglik")
            #expect(fit.logLikelihood >= loglik - 1e-4, "\(key): loglik \(fit.logLikelihood) vs \(loglik)")
            try compareEffects(fit.coefficients, fit.covariance, data, key, model: model)
        }
    }

    @Test("likelihood-ratio test of ETI against immediate treatment", arguments: ModelReferenceData.names)
    func likelihoodRatio(_ name: String) throws {
        let data = try ModelReferenceData.load(name)
        let it = LogisticGLMM.fit(data.cells(.immediate)), eti = LogisticGLMM.fit(data.cells(.indicators))
        let test = LikelihoodRatioTest(
            full: eti.logLikelihood, reduced: it.logLikelihood, degreesOfFreedom: data.maxExposure - 1)
        #expect(abs(test.statistic - (try data.number("hh_eti", "lrt"))) < 2e-4)
        #expect(test.pValue > 0 && test.pValue <= 1)
        let nestedIT = NestedGLMM.fit(data.cells(.immediate), period: data.period)
        let nestedETI = NestedGLMM.fit(data.cells(.indicators), period: data.period)
        let nested = LikelihoodRatioTest(
            full: nestedETI.logLikelihood, reduced: nestedIT.logLikelihood, degreesOfFreedom: data.maxExposure - 1)
        #expect(abs(nested.statistic - (try data.number("nested_eti", "lrt"))) < 2e-4)
    }

    @Test("GEE with immediate treatment, indicators and splines", arguments: ModelReferenceData.names)
    func gee(_ name: String) throws {
        let data = try ModelReferenceData.load(name)
        let models: [(ExposureTimeModel, String)] = [
            (.immediate, "gee_it"), (.indicators, "gee_eti"), (.naturalCubicSpline(knots: 4), "gee_ncs"),
        ]
        for (model, key) in models {
            let cells = data.cells(model)
            let fit = LogisticGEE.fit(
                successes: data.successes.map { Int($0) }, trials: data.trials.map { Int($0) }, design: cells.design,
                cluster: data.site, options: GEEOptions(tolerance: 1e-10))
            try #require(fit.converged, "\(key)")
            let se = fit.standardErrors(.robust)
            if model == .immediate {
                let beta = try data.numbers(key, "coefficients"), rse = try data.numbers(key, "se")
                for j in beta.indices {
                    expectClose(fit.coefficients[j], beta[j], tolerance: 1e-6, "\(key) β\(j)")
                    expectClose(se[j], rse[j], tolerance: 1e-6, "\(key) SE\(j)")
                }
            } else {
                try compareEffects(fit.coefficients, fit.robust, data, key, model: model,
                                   estimateTolerance: 1e-6, seTolerance: 1e-6)
            }
        }
    }

    @Test("the spline basis spans the same space as R's splines::ns", arguments: ModelReferenceData.names)
    func splineSpace(_ name: String) throws {
        let data = try ModelReferenceData.load(name)
        let s = data.maxExposure
        let ours = ExposureTimeModel.naturalCubicSpline(knots: 4).basis(maxExposure: s)
        let r = try #require(data.reference["ncs_basis"] as? [NSNumber]).map(\.doubleValue)
        // Project each of R's columns on ours by least squares; the residual must vanish.
        let gram = try #require(Cholesky(ours.transposed * ours))
        for k in 0..<4 {
            let column = (0..<s).map { r[$0 * 4 + k] }
            let coefficients = gram.solve(ours.transposed * column)
            let fitted = ours * coefficients
            let residual = zip(fitted, column).map { abs($0 - $1) }.max()!
            #expect(residual < 1e-10, "column \(k): residual \(residual)")
        }
    }
}
