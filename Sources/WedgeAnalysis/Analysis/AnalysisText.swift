// SPDX-License-Identifier: Apache-2.0

internal import WedgeStats

/// The terminal output of `wedge analyze`: the estimates as aligned tables, then the notes.
public enum AnalysisText {
    /// Renders the results as text tables.
    public static func render(_ primary: PrimaryAnalysis, _ retention: RetentionAnalysis?) -> String {
        let tables = [AnalysisTables.initiation(primary), AnalysisTables.effects(primary)]
            + (primary.models.isEmpty ? [] : [AnalysisTables.models(primary)])
            + (primary.models.contains { !$0.curve.isEmpty } ? [AnalysisTables.exposureEffects(primary)] : [])
            + (retention.map { [AnalysisTables.laterInjections($0), AnalysisTables.retention($0)] } ?? [])
        var text = "Primary analysis set: \(primary.participantCount) participants, \(primary.siteCount) sites, "
            + "\(primary.periodCount) periods.\n\n"
        text += tables.map { TableRenderer.render($0, as: .text) }.joined(separator: "\n")
        let notes = primary.notes + (retention?.notes ?? [])
        if !notes.isEmpty { text += "\nNotes:\n" + notes.map { "  - " + $0 }.joined(separator: "\n") + "\n" }
        return text
    }
}
