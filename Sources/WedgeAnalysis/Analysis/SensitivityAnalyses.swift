// SPDX-License-Identifier: Apache-2.0

internal import WedgeStats

/// The treatment effect on initiation under every model Wedge offers: the Hussey–Hughes and
/// nested-exchangeable GLMMs with immediate treatment, and the exposure-time models (indicators or a natural
/// cubic spline, each with either random-effects structure, and the indicator GEE), each summarised by its TATE.
///
/// These are the models of steppedwedge's `analyze()` (`method` mixed or GEE, `exp_time` IT, ETI or NCS,
/// `re` cluster or cluster and cluster-period; Kenny, Voldal, Xia & Heagerty 2022, *Stat Med* 41:4311–4339).
/// Which one is primary is ``PrimaryAnalysisOptions/model``; the report shows the rest as sensitivity
/// analyses. All are fitted to the site × period × condition cells; exposure time comes from the schedule
/// (``ClusterPeriodCells/exposure(frame:)``).
enum SensitivityAnalyses {
    /// Fits the models; a model that cannot be fitted is left out with a note.
    static func run(
        _ cells: ClusterPeriodCells, frame: RandomizationFrame?, options: PrimaryAnalysisOptions
    ) -> (models: [ModelSummary], notes: [String]) {
        var models: [ModelSummary] = []
        var notes: [String] = []
        let exposure = cells.exposure(frame: frame)
        let maxExposure = exposure.max() ?? 0
        let first = max(1, options.exposureRange?.lowerBound ?? 1)
        let last = min(maxExposure, options.exposureRange?.upperBound ?? maxExposure)
        let pte = min(max(options.pointExposure ?? maxExposure, 1), maxExposure)
        let estimand = "TATE, e = \(first)–\(last)"

        let hh = LogisticGLMM.fit(cells.binomial(model: .immediate, exposure: exposure))
        models.append(summary("hh", "Hussey–Hughes GLMM", hh, "site", "IT", effect: hh.wald(1)))
        let nestedIT = NestedGLMM.fit(cells.binomial(model: .immediate, exposure: exposure), period: cells.period)
        models.append(nested("nested", "Nested-exchangeable GLMM", nestedIT, "IT", effect: nestedIT.wald(1)))
        guard maxExposure >= 2 else {
            notes.append("No exposure-time models: every site has at most one period on the intervention.")
            return (models, notes)
        }
        guard first <= last else {
            notes.append("No exposure-time models: the TATE range \(first)–\(options.exposureRange?.upperBound ?? 0) "
                         + "holds none of the observed exposure times 1–\(maxExposure).")
            return (models, notes)
        }
        let range = first...last
        let indicators = cells.binomial(model: .indicators, exposure: exposure)
        func exposureRow(_ row: ModelSummary, _ model: ExposureTimeModel, _ beta: [Double], _ covariance: Matrix)
            -> ModelSummary
        {
            let effects = effects(model, maxExposure, beta, covariance)
            var row = row
            (row.estimand, row.effect, row.curve) = (estimand, effects.timeAveraged(over: range), effects.pointEffects())
            (row.pointEffect, row.pointExposure) = (effects.pointEffect(at: pte), pte)
            return row
        }
        let etiFit = LogisticGLMM.fit(indicators)
        var row = exposureRow(summary("hh-eti", "Exposure-time GLMM", etiFit, "site", "ETI"), .indicators,
                              etiFit.coefficients, etiFit.covariance)
        row.likelihoodRatio = LikelihoodRatioTest(
            full: etiFit.logLikelihood, reduced: hh.logLikelihood, degreesOfFreedom: maxExposure - 1)
        models.append(row)

        let nestedFit = NestedGLMM.fit(indicators, period: cells.period)
        row = exposureRow(nested("nested-eti", "Exposure-time nested GLMM", nestedFit, "ETI"), .indicators,
                          nestedFit.coefficients, nestedFit.covariance)
        row.likelihoodRatio = LikelihoodRatioTest(
            full: nestedFit.logLikelihood, reduced: nestedIT.logLikelihood, degreesOfFreedom: maxExposure - 1)
        models.append(row)

        let spline = AnalysisModel.spline.exposureTimeModel(maxExposure: maxExposure)
        let splineCells = cells.binomial(model: spline, exposure: exposure)
        let ncsFit = LogisticGLMM.fit(splineCells)
        models.append(exposureRow(summary("hh-ncs", "Spline exposure-time GLMM", ncsFit, "site", "NCS"), spline,
                                  ncsFit.coefficients, ncsFit.covariance))
        let nestedNCS = NestedGLMM.fit(splineCells, period: cells.period)
        models.append(exposureRow(nested("nested-ncs", "Spline exposure-time nested GLMM", nestedNCS, "NCS"), spline,
                                  nestedNCS.coefficients, nestedNCS.covariance))

        let gee = LogisticGEE.fit(
            successes: cells.successes, trials: cells.trials, design: indicators.design, cluster: cells.cluster)
        let geeRow = ModelSummary(
            id: "gee-eti", label: "Exposure-time GEE", method: "GEE (robust SE)", randomEffects: "",
            exposureTime: "ETI", estimand: "", effect: undefined, curve: [], converged: gee.converged,
            isSingular: false, message: "\(gee.status)")
        models.append(exposureRow(geeRow, .indicators, gee.coefficients, gee.robust))
        for m in models where !m.converged { notes.append("\(m.label) did not converge: \(m.message)") }
        return (models, notes)
    }

    /// The exposure-time effects from coefficients `1 … q` of a fit (the design puts them after the intercept).
    static func effects(_ model: ExposureTimeModel, _ maxExposure: Int, _ beta: [Double], _ covariance: Matrix)
        -> ExposureTimeEffects
    {
        let q = model.parameterCount(maxExposure: maxExposure)
        var v = Matrix(rows: q, columns: q)
        for i in 0..<q { for j in 0..<q { v[i, j] = covariance[1 + i, 1 + j] } }
        return ExposureTimeEffects(
            model: model, maxExposure: maxExposure, coefficients: Array(beta[1...q]), covariance: v)
    }

    /// A placeholder effect for rows whose effect is set afterwards.
    static let undefined = WaldInference(estimate: .nan, standardError: .nan)

    /// A Hussey–Hughes GLMM row; `effect` is the log OR for immediate treatment.
    static func summary(
        _ id: String, _ label: String, _ fit: GLMMFit, _ randomEffects: String, _ exposureTime: String,
        effect: WaldInference = undefined
    ) -> ModelSummary {
        ModelSummary(
            id: id, label: label, method: "GLMM (Laplace)", randomEffects: randomEffects, exposureTime: exposureTime,
            estimand: "log OR", effect: effect, curve: [], siteSD: fit.siteSD, logLikelihood: fit.logLikelihood,
            converged: fit.converged, isSingular: fit.isSingular, message: fit.message)
    }

    /// A nested-exchangeable GLMM row; `effect` is the log OR for immediate treatment.
    static func nested(
        _ id: String, _ label: String, _ fit: NestedGLMMFit, _ exposureTime: String, effect: WaldInference = undefined
    ) -> ModelSummary {
        ModelSummary(
            id: id, label: label, method: "GLMM (Laplace)", randomEffects: "site + site × period",
            exposureTime: exposureTime, estimand: "log OR", effect: effect, curve: [], siteSD: fit.siteSD,
            sitePeriodSD: fit.sitePeriodSD, logLikelihood: fit.logLikelihood, converged: fit.converged,
            isSingular: fit.isSingular, message: fit.message)
    }
}
