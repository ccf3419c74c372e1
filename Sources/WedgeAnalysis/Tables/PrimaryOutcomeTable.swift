// SPDX-License-Identifier: Apache-2.0

internal import WedgeStats

/// The primary outcome table: initiation by condition, then the condition effect by every method, in one table.
public enum PrimaryOutcomeTable {
    /// Initiation by condition (n/N, %, Wilson 95% CI), the crude risk difference and odds ratio, the
    /// GLMM-adjusted odds ratio, the GEE odds ratio with its small-sample SEs, and the permutation p-value.
    ///
    /// The effect rows and their notes are ``AnalysisTables/effects(_:)``'s, so `wedge analyze` and the
    /// report print the same numbers; the analysis's own notes (skipped models, singular fits) follow.
    public static func table(_ r: PrimaryAnalysis) -> ReportTable {
        let effects = AnalysisTables.effects(r)
        let counts = r.byCondition.map { p -> [String] in
            ["Initiated: \(p.label), n/N (%)",
             p.total > 0 ? "\(p.events)/\(p.total) (\(NumberFormat.percent(Double(p.events) / Double(p.total)))%)" : "–",
             p.total > 0 ? NumberFormat.percentInterval(p.interval.lower, p.interval.upper) : "–", ""]
        }
        var notes = ["Primary analysis set: \(r.participantCount) participants, \(r.siteCount) sites, "
                     + "\(r.periodCount) periods. Proportions: Wilson score interval, in %; Clopper–Pearson (exact): "
                     + r.byCondition.map { "\($0.label) \(AnalysisTables.exactInterval($0))" }.joined(separator: ", ") + "."]
        notes += effects.notes + r.notes
        return ReportTable(
            id: "primary", title: "Primary outcome: initiation (first XR-naltrexone injection)",
            columns: ["Measure", "Estimate", "95% CI", "p"], alignments: [.left, .right, .right, .right],
            rows: counts + effects.rows, notes: notes)
    }
}
