// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeStats

/// The nested-exchangeable GLMM against `glmer(... + (1 | site) + (1 | site:period), nAGQ = 1)`
/// (`Fixtures/models/reference-models.R`).
///
/// Tolerances, the same as for the Hussey–Hughes GLMM: our log-likelihood is never below lme4's by more than
/// 1e-4 (lme4's bobyqa stops a little short of the optimum; ours is a Newton optimum), the treatment log OR
/// within 1e-3 absolute, its SE within 1% (both use the Hessian of the Laplace deviance over (θ, β) by
/// central differences, so they differ only through the optimum and the differencing error), and the two SDs
/// within 0.02 absolute (the deviance is flat in the SDs, so small log-likelihood differences move them most).
@Suite("Nested-exchangeable GLMM against lme4")
struct NestedGLMMReferenceTests {
    @Test("immediate treatment", arguments: ModelReferenceData.names)
    func immediate(_ name: String) throws {
        let data = try ModelReferenceData.load(name)
        let fit = NestedGLMM.fit(data.cells(.immediate), period: data.period)
        try #require(fit.converged, "\(fit.message)")
        try compare(fit, data, "nested_it", effect: data.firstEffectColumn)
    }

    @Test("exposure-time indicators", arguments: ModelReferenceData.names)
    func indicators(_ name: String) throws {
        let data = try ModelReferenceData.load(name)
        let fit = NestedGLMM.fit(data.cells(.indicators), period: data.period)
        try #require(fit.converged, "\(fit.message)")
        try compare(fit, data, "nested_eti", effect: nil)
        try compareEffects(fit.coefficients, fit.covariance, data, "nested_eti", model: .indicators)
    }

    @Test("natural cubic spline in exposure time", arguments: ModelReferenceData.names)
    func spline(_ name: String) throws {
        let data = try ModelReferenceData.load(name)
        let fit = NestedGLMM.fit(data.cells(.naturalCubicSpline(knots: 4)), period: data.period)
        try #require(fit.converged, "\(fit.message)")
        try compare(fit, data, "nested_ncs", effect: nil)
        try compareEffects(fit.coefficients, fit.covariance, data, "nested_ncs", model: .naturalCubicSpline(knots: 4))
    }

    @Test("the nested model widens the SE when site × period variation is present")
    func widens() throws {
        let data = try ModelReferenceData.load("swift_nested")
        let nested = NestedGLMM.fit(data.cells(.immediate), period: data.period)
        let hh = LogisticGLMM.fit(data.cells(.immediate))
        let column = data.firstEffectColumn
        #expect(nested.sitePeriodSD > 0.1)
        #expect(nested.standardErrors[column] > hh.standardErrors[column])
        #expect(nested.logLikelihood > hh.logLikelihood)
    }

    @Test("mismatched period labels and separation give NaN and a message, never a trap")
    func invalid() throws {
        let data = try ModelReferenceData.load("swift_nested")
        let short = NestedGLMM.fit(data.cells(.immediate), period: [1, 2])
        #expect(!short.converged && short.coefficients.allSatisfy(\.isNaN) && short.message.contains("period"))
        var none = data.cells(.immediate)
        none.successes = none.successes.map { _ in 0 }
        let separated = NestedGLMM.fit(none, period: data.period)
        #expect(!separated.converged && separated.logLikelihood.isNaN && separated.message.contains("separation"))
    }
}

/// Shared comparisons of a mixed fit with a `reference.json` entry.
func compare(_ fit: NestedGLMMFit, _ data: ModelReferenceData, _ key: String, effect: Int?) throws {
    let loglik = try data.number(key, "loglik")
    #expect(fit.logLikelihood >= loglik - 1e-4, "\(key): loglik \(fit.logLikelihood) vs lme4 \(loglik)")
    #expect(abs(fit.logLikelihood - loglik) < 1e-2, "\(key): loglik \(fit.logLikelihood) vs lme4 \(loglik)")
    let siteSD = try data.number(key, "site_sd"), sitePeriodSD = try data.number(key, "site_period_sd")
    #expect(abs(fit.siteSD - siteSD) < 0.02, "\(key): site SD \(fit.siteSD) vs \(siteSD)")
    #expect(abs(fit.sitePeriodSD - sitePeriodSD) < 0.02, "\(key): site-period SD \(fit.sitePeriodSD) vs \(sitePeriodSD)")
    #expect(fit.isSingular == (try data.flag(key, "singular")), "\(key): singular")
    let beta = try data.numbers(key, "coefficients"), se = try data.numbers(key, "se")
    try #require(beta.count == fit.coefficients.count)
    if let j = effect {
        #expect(abs(fit.coefficients[j] - beta[j]) < 1e-3, "\(key): log OR \(fit.coefficients[j]) vs \(beta[j])")
        expectClose(fit.standardErrors[j], se[j], tolerance: 0.01, "\(key): SE")
    }
}

/// Compares the effect curve, TATE over 1…S and PTE at S with R's (`effects` of `reference.json`): 1e-3
/// absolute in the estimates and 1% in the SEs for the mixed models (`tolerance` relative for GEE).
func compareEffects(
    _ coefficients: [Double], _ covariance: Matrix, _ data: ModelReferenceData, _ key: String,
    model: ExposureTimeModel, estimateTolerance: Double = 1e-3, seTolerance: Double = 0.01
) throws {
    let s = data.maxExposure, q = model.parameterCount(maxExposure: s), first = data.firstEffectColumn
    var v = Matrix(rows: q, columns: q)
    for i in 0..<q { for j in 0..<q { v[i, j] = covariance[first + i, first + j] } }
    let effects = ExposureTimeEffects(
        model: model, maxExposure: s, coefficients: Array(coefficients[first..<(first + q)]), covariance: v)
    let curve = try data.effects(key, "curve"), curveSE = try data.effects(key, "curve_se")
    for e in 1...s {
        let point = effects.pointEffect(at: e)
        #expect(abs(point.estimate - curve[e - 1]) < estimateTolerance, "\(key): effect at \(e)")
        expectClose(point.standardError, curveSE[e - 1], tolerance: seTolerance, "\(key): SE at \(e)")
    }
    let tate = effects.timeAveraged()
    #expect(abs(tate.estimate - (try data.effects(key, "tate"))[0]) < estimateTolerance, "\(key): TATE")
    expectClose(tate.standardError, try data.effects(key, "tate_se")[0], tolerance: seTolerance, "\(key): TATE SE")
    let pte = effects.pointEffect(at: s)
    #expect(abs(pte.estimate - (try data.effects(key, "pte"))[0]) < estimateTolerance, "\(key): PTE")
    expectClose(pte.standardError, try data.effects(key, "pte_se")[0], tolerance: seTolerance, "\(key): PTE SE")
}
