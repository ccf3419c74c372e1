// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeStats

/// The model-based tables: initiation by condition, the condition effect by every method, later injections
/// and retention. Shared by `wedge analyze` and the report.
public enum AnalysisTables {
    /// Initiation by condition with Wilson intervals.
    public static func initiation(_ r: PrimaryAnalysis) -> ReportTable {
        ReportTable(
            id: "primary-initiation", title: "Initiation by condition (primary analysis set)",
            columns: ["Condition", "N", "Initiated, n (%)", "95% CI, %", "Exact 95% CI, %"],
            rows: r.byCondition.map { proportionRow($0) + [exactInterval($0)] },
            notes: ["95% CI: Wilson score; exact: Clopper–Pearson."])
    }

    /// The Clopper–Pearson interval of `p` in %, or "–".
    static func exactInterval(_ p: ConditionProportion) -> String {
        p.total > 0 ? NumberFormat.percentInterval(p.exactInterval.lower, p.exactInterval.upper) : "–"
    }

    static func proportionRow(_ p: ConditionProportion) -> [String] {
        [p.label, "\(p.total)", NumberFormat.countPercent(p.events, of: p.total),
         p.total > 0 ? NumberFormat.percentInterval(p.interval.lower, p.interval.upper) : "–"]
    }

    /// The condition effect: crude, GLMM, GEE (three SEs) and the permutation p-value.
    public static func effects(_ r: PrimaryAnalysis) -> ReportTable {
        var rows: [[String]] = []
        if let rd = r.riskDifference {
            rows.append(["Risk difference, points (crude, Newcombe)", NumberFormat.fixed(100 * rd.estimate, 1),
                         NumberFormat.interval(100 * rd.lower, 100 * rd.upper, digits: 1), "–"])
        }
        if let rd = r.riskDifferenceWald {
            rows.append(["Risk difference, points (crude, Wald)", NumberFormat.fixed(100 * rd.estimate, 1),
                         NumberFormat.interval(100 * rd.lower, 100 * rd.upper, digits: 1), "–"])
        }
        if let or = r.crudeOddsRatio {
            rows.append(["Odds ratio (crude, Woolf)", NumberFormat.fixed(or.estimate, 2),
                         NumberFormat.interval(or.lower, or.upper), "–"])
        }
        if let g = r.glmm {
            let method = g.nAGQ == 1 ? "Laplace" : "AGQ \(g.nAGQ)"
            rows.append(["Odds ratio (GLMM, \(method), Wald t\(g.isSingular ? ", singular" : ""))",
                         NumberFormat.fixed(g.oddsRatio.estimate, 2), NumberFormat.interval(g.oddsRatio.lower, g.oddsRatio.upper),
                         NumberFormat.pValue(g.tReference.pValue)])
            if let b = g.bootstrap {
                rows.append(["Parametric bootstrap LRT (GLMM, \(b.replicates) replicates, MC SE "
                             + "\(NumberFormat.fixed(b.monteCarloStandardError, 4)))",
                             "LRT " + NumberFormat.fixed(b.statistic, 2), "–", NumberFormat.pValue(b.pValue)])
            }
            if let profile = g.profileInterval {
                rows.append(["Odds ratio (GLMM, profile-likelihood CI)", NumberFormat.fixed(g.oddsRatio.estimate, 2),
                             NumberFormat.interval(exp(profile.lower), exp(profile.upper)), "–"])
            }
        }
        if let g = r.gee {
            let names: [(GEEVariance, String)] = [(.robust, "robust"), (.kauermannCarroll, "Kauermann–Carroll"),
                                                  (.manclDeRouen, "Mancl–DeRouen")]
            for (variance, name) in names {
                guard let i = g.inference(variance) else { continue }
                rows.append(["Odds ratio (GEE, \(name) SE \(NumberFormat.fixed(i.standardError, 3)))",
                             NumberFormat.fixed(exp(i.estimate), 2), NumberFormat.interval(exp(i.lower), exp(i.upper)),
                             NumberFormat.pValue(i.pValue)])
            }
        }
        if let p = r.permutation {
            let how = p.exact ? "exact, \(p.allocations) allocations"
                : "Monte Carlo, \(p.allocations) draws, MC SE \(NumberFormat.fixed(p.monteCarloError, 4))"
            let ci = p.interval.map {
                p.statistic == .glmm ? NumberFormat.interval(exp($0.lower), exp($0.upper))
                    : NumberFormat.interval(100 * $0.lower, 100 * $0.upper, digits: 1)
            } ?? "–"
            rows.append(["Permutation test (\(p.statistic.rawValue), \(how))",
                         p.statistic == .glmm ? NumberFormat.fixed(exp(p.observed), 2) : NumberFormat.fixed(100 * p.observed, 1),
                         ci, NumberFormat.pValue(p.pValue)])
        }
        var notes: [String] = []
        if let g = r.glmm { notes.append(glmmNote(g)) }
        if let g = r.gee {
            notes.append("GEE: exchangeable working correlation \(NumberFormat.fixed(g.workingCorrelation, 3)); "
                         + "t reference with \(NumberFormat.fixed(g.degreesOfFreedom, 0)) df (\(g.degreesOfFreedomRule)).")
        }
        if let p = r.permutation {
            notes.append("Permutation: \(p.source); " + (p.statistic == .glmm
                ? "the value is the GLMM odds ratio, the interval by test inversion."
                : "NPWP within-period risk difference, points (Thompson et al. 2018)."))
        }
        return ReportTable(
            id: "primary-effect", title: "Initiation: \(r.byCondition.last?.label ?? "") vs \(r.byCondition.first?.label ?? "")",
            columns: ["Estimate", "Value", "95% CI", "p"], alignments: [.left, .right, .right, .right],
            rows: rows, notes: notes)
    }

    /// The GLMM's note: the model, the t reference and, beside it, the z test lme4 prints.
    static func glmmNote(_ g: GLMMSummary) -> String {
        let t = g.tReference, z = g.logOddsRatio
        return "GLMM: logit P(initiated) = condition + period + site random intercept; Wald CI and p on a t reference "
            + "with \(NumberFormat.fixed(t.degreesOfFreedom, 0)) df (\(t.degreesOfFreedomRule)); on the normal "
            + "reference (lme4's z) p \(NumberFormat.pValue(z.pValue)), OR 95% CI "
            + "\(NumberFormat.interval(exp(z.interval.lower), exp(z.interval.upper)))."
    }

    /// Second and third injection by condition, among all and among initiators.
    public static func laterInjections(_ r: RetentionAnalysis) -> ReportTable {
        var rows: [[String]] = []
        for outcome in [r.secondInjection, r.thirdInjection] {
            for (all, initiators) in zip(outcome.amongAll, outcome.amongInitiators) {
                rows.append([outcome.name, all.label, NumberFormat.countPercent(all.events, of: all.total),
                             NumberFormat.countPercent(initiators.events, of: initiators.total)])
            }
        }
        for t in r.daysToFirstInjection {
            rows.append(["Days to first injection, median [IQR]", t.label,
                         t.count > 0 ? "\(NumberFormat.fixed(t.median, 1)) [\(NumberFormat.fixed(t.lowerQuartile, 1))–"
                            + "\(NumberFormat.fixed(t.upperQuartile, 1))]" : "–", "n = \(t.count)"])
        }
        return ReportTable(
            id: "secondary-injections", title: "Later injections and time to the first",
            columns: ["Outcome", "Condition", "Among all, n (%)", "Among initiators, n (%)"],
            alignments: [.left, .left, .right, .right], rows: rows, notes: ["Injections count only inside the protocol's windows. Days from admission."])
    }

    /// Kaplan–Meier retention at the report days, the median, log-rank and Cox.
    public static func retention(_ r: RetentionAnalysis) -> ReportTable {
        var rows: [[String]] = []
        for s in r.survival {
            for day in RetentionAnalysis.reportDays {
                let point = s.points.first { $0.time == day }
                rows.append(["Retained at day \(Int(day)), % (95% CI)", s.label,
                             point.map { NumberFormat.percent($0.survival) } ?? "–",
                             point.map { NumberFormat.percentInterval($0.lower, $0.upper) } ?? "–"])
            }
            rows.append(["Median days retained (95% CI)", s.label,
                         s.curve.count == 0 ? "–" : s.median.estimate.isNaN ? "not reached" : NumberFormat.fixed(s.median.estimate, 0),
                         NumberFormat.interval(s.median.lower, s.median.upper, digits: 0)])
        }
        if let lr = r.logRank {
            rows.append(["Log-rank χ² (\(lr.degreesOfFreedom) df)", "", NumberFormat.fixed(lr.chiSquared, 2),
                         "p " + NumberFormat.pValue(lr.pValue)])
        }
        if let c = r.cox {
            let hr = c.condition.hazardRatio
            rows.append(["Hazard ratio of dropout (Cox, robust SE)", "", NumberFormat.fixed(hr.estimate, 2),
                         NumberFormat.interval(hr.lower, hr.upper) + ", p " + NumberFormat.pValue(c.condition.pValue)])
        }
        return ReportTable(
            id: "secondary-retention", title: "Retention in treatment among initiators (days from induction start)",
            columns: ["Measure", "Condition", "Estimate", "95% CI"], alignments: [.left, .left, .right, .right], rows: rows,
            notes: ["Kaplan–Meier with Greenwood log intervals; median: Brookmeyer–Crowley; – where not reached. "
                    + "Cox: Efron ties, condition + period, robust SE by site."])
    }
}
