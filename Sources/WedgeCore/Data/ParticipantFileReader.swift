// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// Reads a participant CSV file in chunks and checks each row as it comes: the streaming counterpart of
/// ``ParticipantImport/validate(_:file:schedule:today:)``.
///
/// It applies the same checks with the same messages (header, field counts, value types, a participant
/// repeated within the file, every ``ParticipantRules`` rule), but holds only one chunk, one row and a table of
/// the ids seen so far in memory, so a file of a million rows reads in a few tens of megabytes. Parsing is
/// ``CSVChunkedReader``, which keeps ``CSVParser``'s line numbers.
///
/// ```swift
/// let reader = ParticipantFileReader(path: "big.csv", schedule: schedule, today: today)
/// try reader.read { row in
///     switch row.result { case .success(let ok): store(ok); case .failure(let error): report(error) }
/// }
/// ```
public struct ParticipantFileReader: Sendable {
    /// The file to read.
    public let path: String
    /// The name to quote in errors (by default the path).
    public let file: String
    /// The study's schedule, which assigns conditions.
    public let schedule: Schedule
    /// No date may be later than this.
    public let today: CivilDate
    /// The bytes read at a time.
    public var chunkSize = 1 << 16

    /// Creates a reader.
    public init(path: String, file: String? = nil, schedule: Schedule, today: CivilDate) {
        self.path = path
        self.file = file ?? path
        self.schedule = schedule
        self.today = today
    }

    /// The header the file must have (in any order).
    public var header: [String] { ParticipantCSVFormat(protocol: schedule.protocol).header }

    /// Reads the file, calling `body` once per data row, in file order.
    ///
    /// Rows with problems are handed over too (as failures), so the caller decides whether to stop, collect or
    /// skip them. Problems that make the rest of the file unreadable end the reading with an error.
    ///
    /// - Parameters:
    ///   - header: Called once with the header's fields as written, before the first row.
    ///   - body: Called once per data row.
    /// - Throws: ``DataFileError`` when the file cannot be read, the header is wrong, or the CSV syntax breaks
    ///   (with its line); whatever `header` or `body` throws.
    public func read(header: ([String]) throws -> Void = { _ in }, _ body: (ParticipantCSVRow) throws -> Void) throws {
        let format = ParticipantCSVFormat(protocol: schedule.protocol)
        let rules = ParticipantRules(schedule: schedule, today: today)
        var head: CSVRecord?
        var positions: [Int] = []
        var firstLine: [String: Int] = [:]
        var records = CSVFileRecords(path: path, file: file)
        records.chunkSize = chunkSize
        try records.read { csv in
            guard let header = head else {
                head = csv
                positions = try format.columnPositions(csv, file: file)
                try header(csv.fields)
                return
            }
            try body(ParticipantCSVRow(line: csv.line, fields: csv.fields, result: check(
                csv, header: header, positions: positions, format: format, rules: rules, firstLine: &firstLine)))
        }
        if head == nil {
            throw DataFileError(issues: [DataIssue(file: file, line: 1, field: "(header)", problem: "is missing",
                                                   expected: "Start the file with the header: "
                                                       + format.header.joined(separator: ",") + ".")])
        }
    }

    private func check(
        _ csv: CSVRecord, header: CSVRecord, positions: [Int], format: ParticipantCSVFormat,
        rules: ParticipantRules, firstLine: inout [String: Int]
    ) -> Result<(enrollment: Enrollment, flags: [OutcomeFlag]), DataFileError> {
        guard csv.fields.count == header.fields.count else {
            return .failure(DataFileError(issues: [DataIssue(
                file: file, line: csv.line, participantID: csv.fields.first, field: "(row)",
                problem: "has \(csv.fields.count) fields but the header has \(header.fields.count)",
                expected: "Give every row one field per column; quote fields that hold commas.")]))
        }
        var issues: [DataIssue] = []
        let id = csv.fields[positions[0]]
        let decoded = format.decode(csv, positions: positions) { field, shape, problem, expected in
            issues.append(DataIssue(file: file, line: csv.line, participantID: id, field: field, valueShape: shape,
                                    problem: problem, expected: expected))
        }
        guard let record = decoded, issues.isEmpty else { return .failure(DataFileError(issues: issues)) }
        if let earlier = firstLine[record.id] {
            return .failure(DataFileError(issues: [DataIssue(
                file: file, line: csv.line, participantID: record.id, field: "participant_id",
                problem: "repeats the participant on line \(earlier)",
                expected: "Give each participant one row; use `wedge correct` to change a record.")]))
        }
        firstLine[record.id] = csv.line
        switch rules.enroll(record) {
        case .success(let enrollment):
            return .success((enrollment, rules.flags(enrollment)))
        case .failure(let error):
            return .failure(DataFileError(issues: error.issues.map { issue in
                var located = issue
                located.file = file
                located.line = csv.line
                return located
            }))
        }
    }
}
