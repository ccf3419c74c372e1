// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeCore
internal import WedgeStore

/// `wedge import --db FILE DATA.csv`: imports participants, or outcome events, all or nothing (or skipping invalid
/// rows).
///
/// The file is streamed: read in 64 KiB chunks by ``WedgeCore/ParticipantFileReader`` and written row by row
/// inside one transaction (``WedgeStore/StudyStore/importParticipants(source:actor:from:)``), so memory does not
/// grow with the file, and a process killed half-way leaves nothing behind.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import participants, or outcome events, from CSV into a study database, all or nothing.",
        discussion: """
            Each participant's condition is looked up from the schedule by site and admission date; the file has \
            no condition column. Every row is checked; if any has a problem, nothing is written and the problems \
            are listed by line and field. With --skip-invalid FILE, the valid rows are imported and the refused \
            ones are written to FILE with their line and reason, ready to fix and import again. Participant values \
            are never printed, only their ids.

            A file whose header is participant_id,event,date,value holds outcome events instead, one per row \
            (induction_start, procedure, first_injection, not_initiated, discharge, second_injection, \
            third_injection, last_contact, dropout) for participants already in the database, as from a pharmacy \
            or another data system. Each event fills an empty outcome field, as `wedge record` does; a recorded \
            value is never overwritten.
            """)

    /// How many problems an all-or-nothing import lists before only counting the rest.
    static let issueLimit = 1_000

    /// Rows handed from the reading thread to the database in one batch.
    static let pipeBatch = 128

    @Option(help: "The study database.", completion: .file())
    var db: String

    @Argument(help: "The participant (or outcome-event) CSV file.", completion: .file(extensions: ["csv"]))
    var file: String

    @OptionGroup var options: ImportOptions

    func run() throws {
        let store = try StudyStore.open(at: db)
        try options.run { actor, rejects in
            if try Self.isEventFile(file) {
                let result = try Self.importEventFile(file, into: store, actor: actor, rejects: rejects)
                print("Recorded \(result.fields) outcome field(s) of \(result.participants) participant(s) from \(file).")
            } else {
                let count = try Self.importFile(file, into: store, actor: actor, rejects: rejects)
                print("Imported \(count.participants) participants from \(file)" + count.flagSummary + ".")
            }
        }
    }

    /// Whether `file` is an outcome-event file (its header has an `event` column) rather than a participant file.
    static func isEventFile(_ file: String) throws -> Bool {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw CLIError("Cannot read '\(file)'. Check the path.")
        }
        let header = try CSVFileRecords(path: file).firstRecord()
        return header.map { OutcomeEventFileReader.isEventHeader($0.fields) } ?? false
    }

    /// Reads an outcome-event file and records its events in one transaction.
    ///
    /// Without `rejects`, any refused event refuses the whole file; every problem is listed (malformed rows and
    /// problems with the stored records together), up to ``issueLimit``. With `rejects`, the rows of refused
    /// participants and malformed rows are written there and the rest recorded. A CSV syntax error or a bad
    /// header refuses the whole file in both modes. The events are held in memory, because one participant's
    /// events may be spread over the file.
    static func importEventFile(
        _ file: String, into store: StudyStore, actor: String = Clock.actor(), rejects: RejectsFile? = nil
    ) throws -> OutcomeEventImport {
        var rows: [(line: Int, row: Result<OutcomeEvent, DataFileError>)] = []
        var fields: [Int: [String]] = [:]
        try OutcomeEventFileReader(path: file).read(header: { try rejects?.writeHeader($0) }) { row in
            if rejects != nil { fields[row.line] = row.fields }
            rows.append((row.line, row.result))
        }
        let today = Clock.today()
        guard let rejects else {
            do {
                return try store.importOutcomeEvents(rows, source: file, actor: actor, today: today, mode: .allOrNothing)
            } catch {
                throw Self.refusal(rejecting: error, file: file)
            }
        }
        let result = try store.importOutcomeEvents(rows, source: file, actor: actor, today: today, mode: .skipInvalid)
        let byLine = Dictionary(grouping: result.refused) { $0.line ?? 0 }
        for line in byLine.keys.sorted() {
            try rejects.write(line: line, issues: byLine[line] ?? [], fields: fields[line] ?? [])
        }
        return result
    }

    /// A store's refusal of the file as ``refusal(_:file:)``; any other error as it is.
    static func refusal(rejecting error: StoreError, file: String) -> any Error {
        switch error {
        case .dataRejected(let rejected): refusal(rejected.issues, file: file)
        default: error
        }
    }

    /// The error refusing a whole file: its problems in line order, the first ``issueLimit`` listed.
    static func refusal(_ issues: [DataIssue], file: String) -> DataFileError {
        let sorted = issues.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        var listed = Array(sorted.prefix(issueLimit))
        if sorted.count > issueLimit { listed.append(unlistedIssue(sorted.count - issueLimit, file: file)) }
        return DataFileError(issues: listed)
    }

    /// The last problem of a refusal that lists only the first ``issueLimit``: how many more there are.
    static func unlistedIssue(_ count: Int, file: String) -> DataIssue {
        DataIssue(file: file, field: "(file)", problem: "has \(count) more problem(s) not listed",
                  expected: "Fix the problems above and run again.")
    }

    /// Reads, validates and stores `file` in one transaction; returns the counts.
    ///
    /// Without `rejects`, any refused row refuses the whole file (every problem is listed, up to
    /// ``issueLimit``). With `rejects`, refused rows are written there and the others imported. A CSV syntax
    /// error or a bad header refuses the whole file in both modes, since the rows after it cannot be trusted.
    static func importFile(
        _ file: String, into store: StudyStore, actor: String = Clock.actor(), rejects: RejectsFile? = nil
    ) throws -> ImportCount {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw CLIError("Cannot read '\(file)'. Check the path.")
        }
        let reader = ParticipantFileReader(path: file, schedule: try store.fetchSchedule(), today: Clock.today())
        if let rejects, let header = try CSVFileRecords(path: file).firstRecord() { try rejects.writeHeader(header.fields) }
        var flags: [OutcomeFlag: Int] = [:]
        var issues: [DataIssue] = []
        var unlisted = 0
        let stored = try store.importParticipants(source: file, actor: actor) { storeRow in
            // Reading and checking rows runs on another thread, ahead of the database by a few batches.
            let pipe = BatchPipe<ParticipantCSVRow>(capacity: 2)
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global(qos: .userInitiated).async {
                defer { done.signal() }
                var batch: [ParticipantCSVRow] = []
                batch.reserveCapacity(pipeBatch)
                do {
                    try reader.read { row in
                        batch.append(row)
                        guard batch.count == pipeBatch else { return }
                        guard pipe.put(batch) else { throw CancellationError() }
                        batch.removeAll(keepingCapacity: true)
                    }
                    if !batch.isEmpty { _ = pipe.put(batch) }
                    pipe.finish(nil)
                } catch {
                    pipe.finish(error)
                }
            }
            defer {
                pipe.cancel()
                done.wait()
            }
            while let batch = try pipe.take() {
                for row in batch {
                    var problems: [DataIssue]
                    switch row.result {
                    case .success(let (enrollment, rowFlags)):
                        problems = try storeRow(enrollment, rowFlags).map { issue in
                            var located = issue
                            located.line = row.line
                            return located
                        }
                        if problems.isEmpty { for flag in rowFlags { flags[flag, default: 0] += 1 } }
                    case .failure(let error):
                        problems = error.issues
                    }
                    guard !problems.isEmpty else { continue }
                    if let rejects {
                        try rejects.write(line: row.line, issues: problems, fields: row.fields)
                    } else {
                        let room = max(0, issueLimit - issues.count)
                        issues += problems.prefix(room)
                        unlisted += problems.count - min(room, problems.count)
                    }
                }
            }
            if !issues.isEmpty {
                if unlisted > 0 { issues.append(Self.unlistedIssue(unlisted, file: file)) }
                throw DataFileError(issues: issues)
            }
        }
        return ImportCount(participants: stored, flags: flags)
    }
}
