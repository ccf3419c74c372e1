// SPDX-License-Identifier: Apache-2.0

/// The participant CSV format for one protocol: what `wedge simulate` writes and `wedge import` reads.
///
/// Columns, in order: `participant_id, site_id, admission_date`, then one column per baseline covariate of the
/// protocol, then the outcome columns of ``ParticipantField/outcomes``. Dates are `YYYY-MM-DD`; an empty field
/// is unknown. There is no condition column: the condition comes from the schedule.
/// Reading accepts the columns in any order, but refuses unknown and missing ones.
public struct ParticipantCSVFormat: Sendable {
    /// The protocol whose baseline covariates and reasons the format follows.
    public let `protocol`: StudyProtocol

    /// Creates the format for `protocol`.
    public init(protocol: StudyProtocol) {
        self.protocol = `protocol`
    }

    /// The column names, in the order they are written.
    public var header: [String] {
        ParticipantField.identity.map(\.rawValue) + `protocol`.baseline.map(\.id)
            + ParticipantField.outcomes.map(\.rawValue)
    }

    /// The fields of one record, in ``header`` order.
    public func row(for record: ParticipantRecord) -> [String] {
        let o = record.outcome
        var fields = [record.id, record.siteID, record.admissionDate.iso]
        fields += `protocol`.baseline.map { record.baseline[$0.id] ?? "" }
        fields += [o.inductionStartDate?.iso ?? "", o.procedureReceived ?? "", o.firstInjectionDate?.iso ?? "",
                   o.notInitiatedReason ?? "", o.dischargeDate?.iso ?? "", o.secondInjectionDate?.iso ?? "",
                   o.thirdInjectionDate?.iso ?? "", o.lastContactDate?.iso ?? "", o.dropoutDate?.iso ?? ""]
        return fields
    }

    /// The whole file for `records`.
    public func document(_ records: [ParticipantRecord]) -> String {
        CSVWriter.document(header: header, rows: records.map(row(for:)))
    }

    /// Reads records from CSV text, checking the header, field counts, and each value's type.
    ///
    /// Cross-field and schedule rules are ``ParticipantRules``'s job.
    /// - Parameters:
    ///   - text: The file's text.
    ///   - file: The name to quote in errors.
    /// - Returns: Each record with the line it starts on.
    /// - Throws: ``DataFileError`` with every problem found.
    public func read(_ text: String, file: String) throws(DataFileError) -> [(line: Int, record: ParticipantRecord)] {
        let records: [CSVRecord]
        do {
            records = try CSVParser().parse(text)
        } catch {
            throw DataFileError(issues: [DataIssue(file: file, line: error.line, field: "(csv)",
                                                   problem: error.problem, expected: "Fix the CSV syntax.")])
        }
        guard let head = records.first else {
            throw DataFileError(issues: [DataIssue(file: file, line: 1, field: "(header)", problem: "is missing",
                                                   expected: "Start the file with the header: " + header.joined(separator: ",") + ".")])
        }
        let positions = try columnPositions(head, file: file)
        var issues: [DataIssue] = []
        var result: [(Int, ParticipantRecord)] = []
        for csv in records.dropFirst() {
            guard csv.fields.count == head.fields.count else {
                issues.append(DataIssue(file: file, line: csv.line, participantID: csv.fields.first, field: "(row)",
                                        problem: "has \(csv.fields.count) fields but the header has \(head.fields.count)",
                                        expected: "Give every row one field per column; quote fields that hold commas."))
                continue
            }
            var rowIssues: [DataIssue] = []
            let record = decode(csv, positions: positions) { field, shape, problem, expected in
                rowIssues.append(DataIssue(file: file, line: csv.line, participantID: csv.fields[positions[0]],
                                           field: field, valueShape: shape, problem: problem, expected: expected))
            }
            issues += rowIssues
            if let record, rowIssues.isEmpty { result.append((csv.line, record)) }
        }
        guard issues.isEmpty else { throw DataFileError(issues: issues) }
        return result
    }

    /// Where each column of ``header`` is in the file: `positions[k]` is the field index of `header[k]`.
    ///
    /// - Throws: ``DataFileError`` for a repeated, unknown or missing column.
    func columnPositions(_ head: CSVRecord, file: String) throws(DataFileError) -> [Int] {
        // Every column is required, so every position is there.
        try CSVHeader.positions(of: head, columns: header, file: file).map { $0! }
    }

    /// Decodes one row whose fields are at ``columnPositions(_:file:)``, reporting each value that is not of
    /// its column's type; `nil` when the row cannot make a record.
    func decode(
        _ csv: CSVRecord, positions: [Int],
        report: (_ field: String, _ shape: String?, _ problem: String, _ expected: String) -> Void
    ) -> ParticipantRecord? {
        // Positions follow `header`: the identity columns, the baseline covariates, then the outcomes.
        let baselineCount = `protocol`.baseline.count
        func value(_ column: Int) -> String { csv.fields[positions[column]].trimmingSpaces() }
        func value(_ field: ParticipantField) -> String {
            if let i = ParticipantField.identity.firstIndex(of: field) { return value(i) }
            return value(3 + baselineCount + ParticipantField.outcomes.firstIndex(of: field)!)
        }
        func date(_ field: ParticipantField) -> CivilDate? {
            let raw = value(field)
            guard !raw.isEmpty else { return nil }
            guard let date = CivilDate(iso: raw) else {
                report(field.rawValue, ValueShape.of(raw), "is not a date", "Write dates as YYYY-MM-DD.")
                return nil
            }
            return date
        }
        let id = value(.participantID)
        if id.isEmpty { report("participant_id", nil, "is empty", "Give every participant an identifier.") }
        let site = value(.siteID)
        if site.isEmpty { report("site_id", nil, "is empty", "Give the site id.") }
        let admission = date(.admissionDate)
        if admission == nil, value(.admissionDate).isEmpty {
            report("admission_date", nil, "is empty", "Give the admission date as YYYY-MM-DD.")
        }
        var baseline: [String: String] = [:]
        baseline.reserveCapacity(baselineCount)
        for (i, covariate) in `protocol`.baseline.enumerated() {
            let raw = value(3 + i)
            if raw.isEmpty {
                if covariate.isRequired { report(covariate.id, nil, "is empty", "This covariate is required.") }
                continue
            }
            switch BaselineValueParser.canonical(raw, for: covariate) {
            case .success(let canonical): baseline[covariate.id] = canonical
            case .failure(let p): report(covariate.id, ValueShape.of(raw), p.problem, p.expected)
            }
        }
        var outcome = InductionOutcome()
        for (field, path) in ParticipantField.outcomeDates { outcome[keyPath: path] = date(field) }
        let procedure = value(.procedureReceived)
        outcome.procedureReceived = procedure.isEmpty ? nil : procedure
        let reason = value(.notInitiatedReason)
        outcome.notInitiatedReason = reason.isEmpty ? nil : reason
        guard !id.isEmpty, !site.isEmpty, let admission else { return nil }
        return ParticipantRecord(id: id, siteID: site, admissionDate: admission, baseline: baseline, outcome: outcome)
    }
}
