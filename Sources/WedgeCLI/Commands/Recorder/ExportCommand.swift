// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore
internal import WedgeStore

/// `wedge export`: the analysis-ready file, one row per participant.
struct ExportCommand: RecorderCommand {
    /// The export formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export one analysis-ready row per participant (CSV or JSON).",
        discussion: """
            Columns: participant_id, site, period, condition, initiated, second_injection, third_injection, \
            days_to_first_injection, retention_days, retention_event, then in_primary, transition, \
            procedure_received, deviation, not_initiated_reason, the baseline covariates and the dates. \
            docs/export-format.md defines every column. Deleted participants are left out. The file holds \
            participant data.
            """)

    @Option(help: "The study database.", completion: .file())
    var db: String

    @Option(help: "csv or json.")
    var format: Format = .csv

    @Option(help: "Write to this file instead of standard output.", completion: .file())
    var out: String?

    @Flag(help: "Replace --out if it exists.")
    var force = false

    func execute() throws -> String {
        let snapshot = try StudyStore.open(at: db).fetchSnapshot(dataLockDate: Clock.today())
        let text = format == .csv ? AnalysisExport.csv(snapshot) : AnalysisExport.json(snapshot)
        guard let out else { return text }
        try OutputFile.write(text, to: out, force: force)
        return "Wrote \(snapshot.enrollments.count) participants to \(out).\n"
    }
}
