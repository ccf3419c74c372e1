// SPDX-License-Identifier: Apache-2.0

internal import WedgeStats

/// The treatment effect on initiation under every model Wedge offers: the Hussey–Hughes and
/// nested-exchangeable GLMMs with immediate treatment, and the exposure-time models (indicators with either
/// random-effects structure, a natural cubic spline, and the indicator GEE), each summarised by its TATE.
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
        let range = options.exposureRange.map { max(1, $0.lowerBound)...min(maxExposure, $0.upperBound) }
            ?? 1...max(maxExposure, 1)
        let pte = min(max(options.pointExposure ?? maxExposure, 1), maxExposure)
        let estimand = "TATE, e = \(range.lowerBound)–\(range.upperBound)"

        let hh = LogisticGLMM.fit(cells.binomial(model: .immediate, exposure: exposure))
        models.append(summary("hh", "Hussey–Hughes GLMM", hh, "site", "IT", "log OR", effect: hh.wald(1)))
        let nestedIT = NestedGLMM.fit(cells.binomial(model: .immediate, exposure: exposure), period: cells.period)
        models.append(nested("nested", "Nested-exchangeable GLMM", nestedIT, "IT", "log OR", effect: nestedIT.wald(1)))
        guard maxExposure >= 2, range.lowerBound <= range.upperBound else {
            notes.append("No exposure-time models: every site has at most one period on the intervention.")
            return (models, notes)
        }
        let indicators = cells.binomial(model: .indicators, exposure: exposure)
        let etiFit = LogisticGLMM.fit(indicators)
        let eti = effects(.indicators, maxExposure, etiFit.coefficients, etiFit.covariance)
        var row = summary("hh-eti", "Exposure-time GLMM", etiFit, "site", "ETI", estimand,
                          effect: eti.timeAveraged(over: range))
        row.curve = eti.pointEffects()
        (row.pointEffect, row.pointExposure) = (eti.pointEffect(at: pte), pte)
        row.likelihoodRatio = LikelihoodRatioTest(
            full: etiFit.logLikelihood, reduced: hh.logLikelihood, degreesOfFreedom: maxExposure - 1)
        models.append(row)

        let nestedFit = NestedGLMM.fit(indicators, period: cells.period)
        let nestedEffects = effects(.indicators, maxExposure, nestedFit.coefficients, nestedFit.covariance)
        row = nested("nested-eti", "Exposure-time nested GLMM", nestedFit, "ETI", estimand,
                     effect: nestedEffects.timeAveraged(over: range))
        row.curve = nestedEffects.pointEffects()
        (row.pointEffect, row.pointExposure) = (nestedEffects.pointEffect(at: pte), pte)
        row.likelihoodRatio = LikelihoodRatioTest(
            full: nestedFit.logLikelihood, reduced: nestedIT.logLikelihood, degreesOfFreedom: maxExposure - 1)
        models.append(row)

        let spline = ExposureTimeModel.naturalCubicSpline(knots: min(4, maxExposure))
        let ncsFit = LogisticGLMM.fit(cells.binomial(model: spline, exposure: exposure))
        let ncs = effects(spline, maxExposure, ncsFit.coefficients, ncsFit.covariance)
        row = summary("hh-ncs", "Spline exposure-time GLMM", ncsFit, "site", "NCS", estimand,
                      effect: ncs.timeAveraged(over: range))
        row.curve = ncs.pointEffects()
        (row.pointEffect, row.pointExposure) = (ncs.pointEffect(at: pte), pte)
        models.append(row)

        let gee = LogisticGEE.fit(
            successes: cells.successes, trials: cells.trials, design: indicators.design, cluster: cells.cluster)
        let geeEffects = effects(.indicators, maxExposure, gee.coefficients, gee.robust)
        row = ModelSummary(
            id: "gee-eti", label: "Exposure-time GEE", method: "GEE (robust SE)", randomEffects: "",
            exposureTime: "ETI", estimand: estimand, effect: geeEffects.timeAveraged(over: range),
            curve: geeEffects.pointEffects(), converged: gee.converged, isSingular: false, message: "\(gee.status)")
        (row.pointEffect, row.pointExposure) = (geeEffects.pointEffect(at: pte), pte)
        models.append(row)
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

    static func summary(
        _ id: String, _ label: String, _ fit: GLMMFit, _ randomEffects: String, _ exposureTime: String,
        _ estimand: String, effect: WaldInference
    ) -> ModelSummary {
        ModelSummary(
            id: id, label: label, method: "GLMM (Laplace)", randomEffects: randomEffects, exposureTime: exposureTime,
            estimand: estimand, effect: effect, curve: [], siteSD: fit.siteSD, logLikelihood: fit.logLikelihood,
            converged: fit.converged, isSingular: fit.isSingular, message: fit.message)
    }

    static func nested(
        _ id: String, _ label: String, _ fit: NestedGLMMFit, _ exposureTime: String, _ estimand: String,
        effect: WaldInference
    ) -> ModelSummary {
        ModelSummary(
            id: id, label: label, method: "GLMM (Laplace)", randomEffects: "site + site × period",
            exposureTime: exposureTime, estimand: estimand, effect: effect, curve: [], siteSD: fit.siteSD,
            sitePeriodSD: fit.sitePeriodSD, logLikelihood: fit.logLikelihood, converged: fit.converged,
            isSingular: fit.isSingular, message: fit.message)
    }
}
