// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeCore
internal import WedgeStore

/// `wedge screen import`: imports a screening log CSV, all or nothing (or skipping invalid rows).
struct ScreenImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a screening log from CSV, all or nothing.",
        discussion: """
            Columns: screening_id, site_id, screening_date, eligible, ineligible_reason, consented, participant_id \
            (docs/import-format.md). The condition in effect is looked up from the schedule by site and screening \
            date. If any row has a problem, nothing is written and every problem is listed by line and field; with \
            --skip-invalid FILE the valid rows are imported and the refused ones written to FILE.
            """)

    @Option(help: "The study database.", completion: .file())
    var db: String

    @Argument(help: "The screening log CSV file.", completion: .file(extensions: ["csv"]))
    var file: String

    @OptionGroup var options: ImportOptions

    func run() throws {
        let store = try StudyStore.open(at: db)
        try options.run { actor, rejects in
            let stored = try Self.importFile(file, into: store, actor: actor, rejects: rejects)
            print("Imported \(stored) screening(s) from \(file).")
        }
    }

    /// Reads a screening log and stores it in one transaction; returns how many screenings were stored.
    static func importFile(
        _ file: String, into store: StudyStore, actor: String = Clock.actor(), rejects: RejectsFile? = nil
    ) throws -> Int {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw CLIError("Cannot read '\(file)'. Check the path.")
        }
        var rows: [(line: Int, row: Result<ScreeningEntry, DataFileError>)] = []
        var fields: [Int: [String]] = [:]
        try ScreeningFileReader(path: file).read { row in
            if rejects != nil { fields[row.line] = row.fields }
            rows.append((row.line, row.result))
        }
        if let rejects, let header = try CSVFileRecords(path: file).firstRecord() { try rejects.writeHeader(header.fields) }
        guard let rejects else {
            do {
                return try store.importScreenings(rows, source: file, actor: actor, today: Clock.today(), mode: .allOrNothing).stored
            } catch {
                throw ImportCommand.refusal(rejecting: error, file: file)
            }
        }
        let result = try store.importScreenings(rows, source: file, actor: actor, today: Clock.today(), mode: .skipInvalid)
        let byLine = Dictionary(grouping: result.refused) { $0.line ?? 0 }
        for line in byLine.keys.sorted() {
            try rejects.write(line: line, issues: byLine[line] ?? [], fields: fields[line] ?? [])
        }
        return result.stored
    }
}
