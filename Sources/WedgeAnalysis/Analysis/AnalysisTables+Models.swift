// SPDX-License-Identifier: Apache-2.0

internal import WedgeStats

extension AnalysisTables {
    /// The treatment effect on initiation by model: the primary model first, then the sensitivity analyses
    /// (nested-exchangeable and exposure-time models), each exposure-time model's TATE odds ratio beside the
    /// immediate-treatment ones. See `docs/models.md`.
    public static func models(_ r: PrimaryAnalysis) -> ReportTable {
        let primaryID = r.primaryModel.summaryID
        let ordered = r.models.filter { $0.id == primaryID } + r.models.filter { $0.id != primaryID }
        let rows = ordered.map { m -> [String] in
            let or = m.oddsRatio
            let role = m.id == primaryID ? "Primary: " : ""
            let sd = [m.siteSD, m.sitePeriodSD].map { $0.map { NumberFormat.fixed($0, 2) } ?? "–" }
            return ["\(role)\(m.label)\(m.isSingular ? " (singular)" : "")",
                    m.randomEffects.isEmpty ? "–" : m.randomEffects, m.estimand,
                    NumberFormat.fixed(or.estimate, 2), NumberFormat.interval(or.lower, or.upper),
                    NumberFormat.pValue(m.effect.pValue), sd[0], sd[1],
                    m.logLikelihood.map { NumberFormat.fixed($0, 2) } ?? "–"]
        }
        var notes = ["Odds ratios with Wald 95% intervals (normal reference). TATE: the time-averaged treatment effect, "
                     + "the mean log odds ratio over the exposure times shown (e = 1 in a site's first period on the "
                     + "intervention, counted from its crossover date); ETI: one effect per exposure time; NCS: a "
                     + "natural cubic spline in exposure time; GEE: exchangeable working correlation, robust SE."]
        for m in ordered {
            if let lrt = m.likelihoodRatio {
                notes.append("\(m.label) against immediate treatment: likelihood ratio χ² = "
                             + "\(NumberFormat.fixed(lrt.statistic, 2)) on \(lrt.degreesOfFreedom) df, p = "
                             + "\(NumberFormat.pValue(lrt.pValue)).")
            }
        }
        return ReportTable(
            id: "models", title: "Initiation: treatment effect by model (primary and sensitivity analyses)",
            columns: ["Model", "Random effects", "Estimand", "Odds ratio", "95% CI", "p", "Site SD",
                      "Site × period SD", "Log-lik."],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right],
            rows: rows, notes: notes)
    }

    /// The odds ratio at each exposure time under the exposure-time models (the effect curves behind the TATEs).
    public static func exposureEffects(_ r: PrimaryAnalysis) -> ReportTable {
        let curves = r.models.filter { !$0.curve.isEmpty }
        let times = curves.map(\.curve.count).max() ?? 0
        let rows = (0..<times).map { k -> [String] in
            ["\(k + 1)"] + curves.flatMap { m -> [String] in
                guard k < m.curve.count else { return ["–", "–"] }
                let or = m.curve[k].oddsRatio
                return [NumberFormat.fixed(or.estimate, 2), NumberFormat.interval(or.lower, or.upper)]
            }
        }
        return ReportTable(
            id: "exposure-effects", title: "Initiation: odds ratio by exposure time",
            columns: ["Exposure time"] + curves.flatMap { ["\($0.label)", "95% CI"] },
            alignments: [.right] + curves.flatMap { _ in [ReportTable.Alignment.right, .right] },
            rows: rows, notes: ["Exposure time 1 is a site's first period on the intervention. Wald intervals."])
    }
}
