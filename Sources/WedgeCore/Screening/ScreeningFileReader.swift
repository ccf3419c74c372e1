// SPDX-License-Identifier: Apache-2.0

/// Reads a screening log file in chunks: one screened person per row (`docs/import-format.md`).
///
/// The header is `screening_id, site_id, screening_date, eligible, ineligible_reason, consented, participant_id`
/// in any order (`ineligible_reason`, `consented` and `participant_id` may be left out when no row needs them).
/// Each row is checked for form: an id is given and printable, the date is `YYYY-MM-DD`, `eligible` and a
/// non-empty `consented` are yes or no. The rules that need the protocol and schedule (a known site, the study
/// window, a reason from the protocol's list, consent when eligible) are ``ScreeningRules``', which the store
/// applies; whether a linked participant exists is the store's.
public struct ScreeningFileReader: Sendable {
    /// The file to read.
    public let path: String
    /// The name to quote in errors (by default the path).
    public let file: String

    /// Creates a reader.
    public init(path: String, file: String? = nil) {
        self.path = path
        self.file = file ?? path
    }

    /// Whether a header is a screening file's (it has a `screening_id` column).
    public static func isScreeningHeader(_ fields: [String]) -> Bool {
        fields.contains { $0.trimmingSpaces() == ScreeningField.screeningID.rawValue }
    }

    /// Reads the file, calling `body` once per data row, in file order; rows with problems are handed over as
    /// failures.
    ///
    /// - Throws: ``DataFileError`` when the file cannot be read, the header is wrong or missing, or the CSV syntax
    ///   breaks (with its line); whatever `body` throws.
    public func read(_ body: (ScreeningRow) throws -> Void) throws {
        var head: CSVRecord?
        var positions: [Int?] = []
        try CSVFileRecords(path: path, file: file).read { csv in
            guard let known = head else {
                head = csv
                positions = try CSVHeader.positions(of: csv, columns: ScreeningField.columns,
                                                    optional: ScreeningField.optionalColumns, file: file)
                return
            }
            try body(ScreeningRow(line: csv.line, fields: csv.fields, result: check(csv, header: known, positions: positions)))
        }
        if head == nil {
            throw DataFileError(issues: [DataIssue(file: file, line: 1, field: "(header)", problem: "is missing",
                                                   expected: "Start the file with the header: "
                                                       + ScreeningField.columns.joined(separator: ",") + ".")])
        }
    }

    /// Every row of the file, in order.
    public func readAll() throws -> [(line: Int, row: Result<ScreeningEntry, DataFileError>)] {
        var rows: [(line: Int, row: Result<ScreeningEntry, DataFileError>)] = []
        try read { rows.append(($0.line, $0.result)) }
        return rows
    }

    private func check(_ csv: CSVRecord, header: CSVRecord, positions: [Int?]) -> Result<ScreeningEntry, DataFileError> {
        guard csv.fields.count == header.fields.count else {
            var issue = DataIssue(file: file, line: csv.line, field: "(row)",
                                  problem: "has \(csv.fields.count) fields but the header has \(header.fields.count)",
                                  expected: "Give every row one field per column; quote fields that hold commas.")
            issue.subject = "screening"
            return .failure(DataFileError(issues: [issue]))
        }
        func value(_ field: ScreeningField) -> String {
            let column = ScreeningField.allCases.firstIndex(of: field)!
            return positions[column].map { csv.fields[$0].trimmingSpaces() } ?? ""
        }
        let id = value(.screeningID)
        var issues: [DataIssue] = []
        func refuse(_ field: ScreeningField, _ shape: String?, _ problem: String, _ expected: String) {
            var issue = DataIssue(file: file, line: csv.line, participantID: id.isEmpty || id.containsControlCharacter ? nil : id,
                                  field: field.rawValue, valueShape: shape, problem: problem, expected: expected)
            issue.subject = "screening"
            issues.append(issue)
        }
        if id.isEmpty { refuse(.screeningID, nil, "is empty", "Give the screening log number.") }
        if id.containsControlCharacter {
            refuse(.screeningID, nil, "contains a control character (a tab, line break or NUL)",
                   "Use printable characters only, such as letters, digits and hyphens.")
        }
        let site = value(.siteID)
        if site.isEmpty { refuse(.siteID, nil, "is empty", "Give the site id.") }
        let dateText = value(.screeningDate)
        let date = CivilDate(iso: dateText)
        if dateText.isEmpty {
            refuse(.screeningDate, nil, "is empty", "Give the screening date as YYYY-MM-DD.")
        } else if date == nil {
            refuse(.screeningDate, ValueShape.of(dateText), "is not a date", "Write dates as YYYY-MM-DD.")
        }
        let eligibleText = value(.eligible)
        let eligible = ScreeningField.boolean(eligibleText)
        if eligible == nil {
            refuse(.eligible, eligibleText.isEmpty ? nil : ValueShape.of(eligibleText),
                   eligibleText.isEmpty ? "is empty" : "is not yes or no", "Use yes or no.")
        }
        let consentText = value(.consented)
        let consented = consentText.isEmpty ? nil : ScreeningField.boolean(consentText)
        if !consentText.isEmpty && consented == nil {
            refuse(.consented, ValueShape.of(consentText), "is not yes or no", "Use yes or no, or leave it empty when not eligible.")
        }
        let reason = value(.ineligibleReason), participant = value(.participantID)
        guard issues.isEmpty, let date, let eligible else { return .failure(DataFileError(issues: issues)) }
        return .success(ScreeningEntry(id: id, siteID: site, screeningDate: date, isEligible: eligible,
                                       ineligibleReason: reason.isEmpty ? nil : reason, consented: consented,
                                       participantID: participant.isEmpty ? nil : participant))
    }
}
