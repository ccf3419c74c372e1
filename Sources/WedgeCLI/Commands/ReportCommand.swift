// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeAnalysis
internal import WedgeCore
internal import WedgeStore

/// `wedge report`: the study report (every table and chart) or one table, in a format to paste or publish.
struct ReportCommand: RecorderCommand {
    /// The output formats: the table formats, and the HTML page of the whole report.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, csv, json, latex, html

        var tableFormat: TableFormat? { TableFormat(rawValue: rawValue) }
    }

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Make the study report, or one of its tables, from a study database.",
        discussion: """
            Without TABLE: the whole report. --format html writes one self-contained page (every table, inline \
            SVG charts, print styles); csv with --out DIR writes one file per table into DIR; text, md, json and \
            latex write one document. With TABLE: that table only (text, md, csv, json or latex).

            Tables:
            \(ReportCatalog.tableList)

            The report is dated by --data-lock (default: today, UTC); the same database and data-lock date give \
            byte-identical output. Examples:
              wedge report --db study.sqlite --format html --out report.html
              wedge report baseline --db study.sqlite --format latex
            """)

    @Argument(help: ArgumentHelp("One table to make (see the list above); omit for the whole report.",
                                 valueName: "table"))
    var table: String?

    @Option(help: "The study database.", completion: .file())
    var db: String

    @Option(help: "text, md, csv, json, latex or html (html: whole report only).")
    var format: Format = .text

    @Option(help: "Write to this file (or, for the whole report as csv, this folder) instead of standard output.",
            completion: .file())
    var out: String?

    @Option(help: ArgumentHelp("The data-lock date the report is dated by (default: today).", valueName: "YYYY-MM-DD"))
    var dataLock: String?

    @Flag(help: "Replace --out (or the CSV files in it) if it exists.")
    var force = false

    func validate() throws {
        if let table, !ReportCatalog.tableIDs.contains(table) {
            throw ValidationError(ReportError.unknownTable(
                table, suggestion: Suggestion.closest(to: table, among: ReportCatalog.tableIDs)).errorDescription ?? "")
        }
        if table != nil, format == .html {
            throw ValidationError("--format html makes the whole report; leave out '\(table!)', or choose text, md, "
                                  + "csv, json or latex for one table.")
        }
        if let dataLock, CivilDate(iso: dataLock) == nil {
            throw ValidationError("--data-lock (value of the form \"\(ValueShape.of(dataLock))\") is not a date. "
                                  + "Write it as YYYY-MM-DD.")
        }
    }

    func execute() throws -> String {
        let lock = dataLock.flatMap { CivilDate(iso: $0) } ?? Clock.today()
        let store = try StudyStore.open(at: db)
        let snapshot = try store.fetchSnapshot(dataLockDate: lock)
        if let table {
            let text = TableRenderer.render(try ReportCatalog.table(table, of: snapshot), as: format.tableFormat ?? .text)
            return try deliver(text)
        }
        var report = StudyReport(snapshot)
        report.auditHead = try store.auditHead().description
        switch format {
        case .html:
            return try deliver(report.html())
        case .csv where out != nil:
            return try writeCSVFolder(report.csvFiles(), to: out!)
        default:
            return try deliver(report.render(as: format.tableFormat ?? .text))
        }
    }

    /// Returns `text` for standard output, or writes it to `--out` and says so.
    private func deliver(_ text: String) throws -> String {
        guard let out else { return text }
        try OutputFile.write(text, to: out, force: force)
        return "Wrote \(out).\n"
    }

    /// Writes one CSV file per table into `folder`, creating it if needed.
    private func writeCSVFolder(_ files: [(name: String, contents: String)], to folder: String) throws -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CLIError("'\(folder)' is a file; for the whole report as CSV, --out names a folder. "
                           + "Choose a folder path, or give one TABLE to write a single CSV file.")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError("Cannot create the folder '\(folder)': \(error.localizedDescription).")
        }
        let paths = files.map { (folder as NSString).appendingPathComponent($0.name) }
        if !force, let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw CLIError("'\(existing)' already exists. Choose another folder, or pass --force to replace the files.")
        }
        for (file, path) in zip(files, paths) {
            try OutputFile.write(file.contents, to: path, force: force)
        }
        return "Wrote \(files.count) CSV files to \(folder): " + files.map(\.name).joined(separator: ", ") + ".\n"
    }
}
