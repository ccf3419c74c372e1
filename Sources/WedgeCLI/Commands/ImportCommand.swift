// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeCore
internal import WedgeStore

/// `wedge import --db FILE DATA.csv`: imports participants, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import participants from CSV into a study database, all or nothing.",
        discussion: """
            Each participant's condition is looked up from the schedule by site and admission date; the file has \
            no condition column. Every row is checked first; if any has a problem, nothing is written and every \
            problem is listed by line and field. Participant values are never printed, only their ids.
            """)

    @Option(help: "The study database.", completion: .file())
    var db: String

    @Argument(help: "The participant CSV file.", completion: .file(extensions: ["csv"]))
    var file: String

    func run() throws {
        let store = try StudyStore.open(at: db)
        let count = try Self.importFile(file, into: store)
        print("Imported \(count.participants) participants from \(file)" + count.flagSummary + ".")
    }

    /// Reads, validates and stores `file`; returns the counts.
    static func importFile(_ file: String, into store: StudyStore) throws -> ImportCount {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError("Cannot read '\(file)'. Check the path.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("'\(file)' is not UTF-8 text. Save it as UTF-8 CSV.")
        }
        let schedule = try store.fetchSchedule()
        let rows = try ParticipantImport.validate(text, file: file, schedule: schedule, today: Clock.today())
        try store.importParticipants(rows, source: file, actor: Clock.actor())
        var flags: [OutcomeFlag: Int] = [:]
        for row in rows { for flag in row.flags { flags[flag, default: 0] += 1 } }
        return ImportCount(participants: rows.count, flags: flags)
    }
}
