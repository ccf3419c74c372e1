// SPDX-License-Identifier: Apache-2.0

/// Reads an outcome-event file in chunks: one outcome event per row, the long format that other systems (a
/// pharmacy's injection log, a REDCap export of repeating events) produce.
///
/// The header is `participant_id, event, date, value` in any order (`value` may be left out when no row needs
/// it). Each row is checked for form: the participant id is given and printable, the event is one of
/// ``OutcomeEventKind`` (with a suggestion when misspelled), the date is `YYYY-MM-DD` when the event has one and
/// empty when it has none, and the value is given when the event needs it and empty when it takes none. Whether
/// the event fits the participant's record (dates in order, a known reason, no value overwritten) is checked
/// by the store, which knows the record.
///
/// ```swift
/// try OutcomeEventFileReader(path: "injections.csv").read { row in
///     switch row.result { case .success(let event): collect(event, row.line); case .failure(let e): report(e) }
/// }
/// ```
public struct OutcomeEventFileReader: Sendable {
    /// The columns of an event file, in the order written.
    public static let columns = ["participant_id", "event", "date", "value"]

    /// The file to read.
    public let path: String
    /// The name to quote in errors (by default the path).
    public let file: String

    /// Creates a reader.
    public init(path: String, file: String? = nil) {
        self.path = path
        self.file = file ?? path
    }

    /// Whether a header is an event file's (it has an `event` column) rather than a participant file's.
    public static func isEventHeader(_ fields: [String]) -> Bool {
        fields.contains { $0.trimmingSpaces() == "event" }
    }

    /// Reads the file, calling `body` once per data row, in file order; rows with problems are handed over as
    /// failures.
    ///
    /// - Parameters:
    ///   - header: Called once with the header's fields as written, before the first row.
    ///   - body: Called once per data row.
    /// - Throws: ``DataFileError`` when the file cannot be read, the header is wrong or missing, or the CSV syntax
    ///   breaks (with its line); whatever `header` or `body` throws.
    public func read(header: ([String]) throws -> Void = { _ in }, _ body: (OutcomeEventRow) throws -> Void) throws {
        var head: CSVRecord?
        var positions: [Int?] = []
        try CSVFileRecords(path: path, file: file).read { csv in
            guard let known = head else {
                head = csv
                positions = try CSVHeader.positions(of: csv, columns: Self.columns, optional: ["value"], file: file)
                try header(csv.fields)
                return
            }
            try body(OutcomeEventRow(line: csv.line, fields: csv.fields, result: check(csv, header: known, positions: positions)))
        }
        if head == nil {
            throw DataFileError(issues: [DataIssue(file: file, line: 1, field: "(header)", problem: "is missing",
                                                   expected: "Start the file with the header: "
                                                       + Self.columns.joined(separator: ",") + ".")])
        }
    }

    private func check(_ csv: CSVRecord, header: CSVRecord, positions: [Int?]) -> Result<OutcomeEvent, DataFileError> {
        guard csv.fields.count == header.fields.count else {
            return .failure(DataFileError(issues: [DataIssue(
                file: file, line: csv.line, participantID: csv.fields.first, field: "(row)",
                problem: "has \(csv.fields.count) fields but the header has \(header.fields.count)",
                expected: "Give every row one field per column; quote fields that hold commas.")]))
        }
        func value(_ column: Int) -> String { positions[column].map { csv.fields[$0].trimmingSpaces() } ?? "" }
        let id = value(0), eventName = value(1), date = value(2), text = value(3)
        var issues: [DataIssue] = []
        func refuse(_ field: String, _ shape: String?, _ problem: String, _ expected: String) {
            issues.append(DataIssue(file: file, line: csv.line, participantID: id.isEmpty ? nil : id, field: field,
                                    valueShape: shape, problem: problem, expected: expected))
        }
        if id.isEmpty { refuse("participant_id", nil, "is empty", "Give the participant's identifier.") }
        if id.containsControlCharacter {
            refuse("participant_id", nil, "contains a control character (a tab, line break or NUL)",
                   "Use printable characters only, such as letters, digits and hyphens.")
        }
        let names = OutcomeEventKind.allCases.map(\.rawValue)
        guard let kind = OutcomeEventKind(rawValue: eventName) else {
            refuse("event", eventName.isEmpty ? nil : ValueShape.of(eventName), eventName.isEmpty ? "is empty" : "is not a known event",
                   Suggestion.closest(to: eventName, among: names).map { "Did you mean '\($0)'?" }
                       ?? "Use one of: " + names.joined(separator: ", ") + ".")
            return .failure(DataFileError(issues: issues))
        }
        var values: [ParticipantField: String] = [:]
        if let field = kind.dateField {
            if date.isEmpty {
                refuse("date", nil, "is empty", "Give the date of the \(kind.rawValue) as YYYY-MM-DD.")
            } else if CivilDate(iso: date) == nil {
                refuse("date", ValueShape.of(date), "is not a date", "Write dates as YYYY-MM-DD.")
            } else {
                values[field] = date
            }
        } else if !date.isEmpty {
            refuse("date", ValueShape.of(date), "is given for a \(kind.rawValue) event, which has no date",
                   "Leave date empty; the value column holds the \(kind.valueField?.rawValue ?? "value").")
        }
        if let field = kind.valueField, !text.isEmpty {
            values[field] = text
        } else if kind.requiresValue {
            refuse("value", nil, positions[3] == nil ? "is needed but the file has no value column" : "is empty",
                   "Give the \(kind.valueField?.rawValue ?? "value") in the value column.")
        } else if !text.isEmpty {
            refuse("value", ValueShape.of(text), "is given for a \(kind.rawValue) event, which takes none",
                   "Leave value empty.")
        }
        guard issues.isEmpty else { return .failure(DataFileError(issues: issues)) }
        return .success(OutcomeEvent(participantID: id, kind: kind, values: values))
    }
}
