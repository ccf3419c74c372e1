// SPDX-License-Identifier: Apache-2.0

public import WedgeCore
internal import WedgeStats

/// Tables of the primary outcome, initiation, in the primary analysis set.
public enum OutcomeTables {
    /// Initiation by condition: N, initiated n (%), and the Wilson 95% interval.
    public static func initiationByCondition(_ snapshot: StudySnapshot) -> ReportTable {
        let counts = InitiationCounts(snapshot)
        let rows = snapshot.protocol.conditions.map { c -> [String] in
            let (x, n) = counts.byCondition[c.id] ?? (0, 0)
            let ci = ProportionInterval.wilson(successes: x, trials: n)
            return [c.label, "\(n)", NumberFormat.countPercent(x, of: n),
                    n > 0 ? NumberFormat.percentInterval(ci.lower, ci.upper) : "–"]
        }
        return ReportTable(
            id: "initiation", title: "Initiation (first XR-naltrexone injection) by condition",
            columns: ["Condition", "N", "Initiated, n (%)", "95% CI, %"], rows: rows,
            notes: ["Initiation: \(snapshot.protocol.outcomes.initiation). Primary analysis set"
                        + counts.exclusionNote + ". Wilson score interval."])
    }

    /// Crude (unadjusted) comparisons of each non-control condition with the control: risk difference
    /// (Newcombe hybrid score interval), risk ratio (Katz log interval) and odds ratio (Woolf logit interval).
    /// They ignore clustering and period effects; the model-based estimates are the primary analysis.
    public static func initiationComparison(_ snapshot: StudySnapshot) -> ReportTable {
        let counts = InitiationCounts(snapshot)
        let control = snapshot.protocol.control
        let (x0, n0) = counts.byCondition[control.id] ?? (0, 0)
        var rows: [[String]] = []
        for c in snapshot.protocol.conditions where !c.isControl {
            let (x1, n1) = counts.byCondition[c.id] ?? (0, 0)
            let rd = RiskDifference.newcombe(successes1: x1, trials1: n1, successes2: x0, trials2: n0)
            let rr = RiskRatio.katz(successes1: x1, trials1: n1, successes2: x0, trials2: n0)
            let or = OddsRatio.woolf(successes1: x1, trials1: n1, successes2: x0, trials2: n0)
            let label = "\(c.label) vs \(control.label)"
            rows.append([label, "Risk difference, points", NumberFormat.fixed(100 * rd.estimate, 1),
                         NumberFormat.interval(100 * rd.lower, 100 * rd.upper, digits: 1)])
            rows.append([label, "Risk ratio", NumberFormat.fixed(rr.estimate, 2), NumberFormat.interval(rr.lower, rr.upper)])
            rows.append([label, "Odds ratio", NumberFormat.fixed(or.estimate, 2), NumberFormat.interval(or.lower, or.upper)])
        }
        return ReportTable(
            id: "initiation-crude", title: "Initiation: crude comparisons",
            columns: ["Comparison", "Measure", "Estimate", "95% CI"],
            alignments: [.left, .left, .right, .right], rows: rows,
            notes: ["Crude: ignores clustering by site and period effects. Risk difference: Newcombe hybrid score "
                    + "interval; risk ratio: Katz log interval; odds ratio: Woolf logit interval."])
    }
}
