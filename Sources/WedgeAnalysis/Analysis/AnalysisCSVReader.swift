// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeCore

/// Reads the rows of an analysis CSV into an ``AnalysisDataset``; see ``AnalysisDataset/read(csv:columns:control:)``.
struct AnalysisCSVReader {
    let path: String
    let header: CSVRecord
    let columns: AnalysisColumns
    let control: String
    private var index: [String: Int] = [:]
    private var siteIDs: [String] = []
    private var siteIndex: [String: Int] = [:]
    private var intervention: String?
    private var participants: [AnalysisParticipant] = []

    init(path: String, header: CSVRecord, columns: AnalysisColumns, control: String) {
        self.path = path
        self.header = header
        self.columns = columns
        self.control = control
        for (k, field) in header.fields.enumerated() {
            let name = field.trimmingCharacters(in: .whitespaces)
            if index[name] == nil { index[name] = k }
        }
    }

    func checkHeader() throws {
        for (field, name) in columns.required where index[name] == nil {
            throw AnalysisCSVError(
                path: path, line: header.line,
                problem: "the required column '\(name)' (\(field)) is missing. The header has "
                    + "\(header.fields.joined(separator: ", ")). Rename the column, or name it with --\(field.replacingOccurrences(of: "_", with: "-"))-column.")
        }
    }

    var missingColumns: Set<String> {
        Set(columns.optional.filter { index[$0.1] == nil }.map(\.0))
    }

    private func cell(_ record: CSVRecord, _ name: String) -> String? {
        guard let k = index[name], k < record.fields.count else { return nil }
        let value = record.fields[k].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    private func fail(_ record: CSVRecord, _ name: String, _ value: String, _ expected: String) -> AnalysisCSVError {
        AnalysisCSVError(
            path: path, line: record.line,
            problem: "column '\(name)' has a value shaped '\(ValueShape.of(value))'; expected \(expected). "
                + "Correct the cell (a blank cell means not applicable where the column is optional).")
    }

    private func bool(_ record: CSVRecord, _ name: String) throws -> Bool? {
        guard let value = cell(record, name) else { return nil }
        switch value.lowercased() {
        case "1", "true": return true
        case "0", "false": return false
        default: throw fail(record, name, value, "1 or 0 (or true/false)")
        }
    }

    /// A second or third injection. A later injection is impossible without the first, so for a non-initiator a
    /// blank cell is "no" (it counts in the "among all" denominators) and a 1 is an error naming the row; for an
    /// initiator a blank cell stays unknown (the window may still be open). An absent column stays `nil`.
    private func laterInjection(_ record: CSVRecord, _ name: String, initiated: Bool) throws -> Bool? {
        guard index[name] != nil else { return nil }
        let value = try bool(record, name)
        if initiated { return value }
        if value == true {
            throw AnalysisCSVError(
                path: path, line: record.line,
                problem: "column '\(name)' is 1 for a participant who did not initiate ('\(columns.initiated)' is 0); "
                    + "a later injection is impossible without the first. Correct either cell.")
        }
        return false
    }

    private func count(_ record: CSVRecord, _ name: String) throws -> Int? {
        guard let value = cell(record, name) else { return nil }
        guard let n = Int(value), n >= 0 else { throw fail(record, name, value, "a whole number of days, 0 or more") }
        return n
    }

    mutating func add(_ record: CSVRecord) throws {
        if try bool(record, columns.inPrimary) == false { return }
        guard let site = cell(record, columns.site) else {
            throw AnalysisCSVError(path: path, line: record.line, problem: "column '\(columns.site)' is blank; every row needs a site.")
        }
        guard let periodText = cell(record, columns.period) else {
            throw AnalysisCSVError(path: path, line: record.line, problem: "column '\(columns.period)' is blank; every row needs a period.")
        }
        guard let period = Int(periodText), period >= 1, period <= 10_000 else {
            throw fail(record, columns.period, periodText, "a period number 1, 2, …")
        }
        guard let condition = cell(record, columns.condition) else {
            throw AnalysisCSVError(path: path, line: record.line, problem: "column '\(columns.condition)' is blank; every row needs a condition.")
        }
        if condition != control {
            if let intervention, intervention != condition {
                throw AnalysisCSVError(
                    path: path, line: record.line,
                    problem: "a third condition '\(condition)' (after '\(control)' and '\(intervention)'); the analysis "
                        + "compares the control (--control, here '\(control)') with one intervention. Filter the file first.")
            }
            intervention = condition
        }
        guard let initiated = try bool(record, columns.initiated) else {
            throw AnalysisCSVError(path: path, line: record.line, problem: "column '\(columns.initiated)' is blank; the primary outcome is required (1 or 0).")
        }
        let k: Int
        if let existing = siteIndex[site] { k = existing } else {
            k = siteIDs.count
            siteIndex[site] = k
            siteIDs.append(site)
        }
        let treated = condition != control
        participants.append(AnalysisParticipant(
            site: k, period: period, treated: treated, initiated: initiated,
            secondInjection: try laterInjection(record, columns.secondInjection, initiated: initiated),
            thirdInjection: try laterInjection(record, columns.thirdInjection, initiated: initiated),
            daysToFirstInjection: try count(record, columns.daysToFirstInjection),
            retentionDays: try count(record, columns.retentionDays), retentionEvent: try bool(record, columns.retentionEvent)))
    }

    func dataset() throws -> AnalysisDataset {
        guard !participants.isEmpty else {
            throw AnalysisCSVError(path: path, line: 0, problem: "the file has a header but no rows to analyse.")
        }
        let periodCount = participants.map(\.period).max() ?? 0
        return AnalysisDataset(
            siteIDs: siteIDs, periodCount: periodCount, control: (control, control),
            intervention: (intervention ?? "intervention", intervention ?? "intervention"), participants: participants,
            missingColumns: missingColumns)
    }
}
