// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

extension StudyTransaction {
    /// Screens one person: refuses an id already stored, checks ``WedgeCore/ScreeningRules`` and stamps the
    /// condition and period from the schedule, checks a participant link if the entry has one, stores the screening
    /// and appends its `insert` audit entry. See ``StudyStore/screen(_:actor:today:)``.
    package mutating func screen(_ entry: ScreeningEntry, today: CivilDate) throws -> ScreeningRecord {
        if try screening(entry.id) != nil {
            throw Self.screeningIssue(entry.id, .screeningID, StudyWrite.alreadyStored,
                                      "Screening ids are never reused; to change a stored screening, correct it with a reason.")
        }
        let record = try ScreeningRules(schedule: try schedule(), today: today).stamp(entry).get()
        if let participantID = entry.participantID { try checkLink(record, to: participantID) }
        try insertScreening(record)
        try append(AuditChange(action: .insert, table: ScreeningState.table, recordID: record.id,
                               newValue: ScreeningState.json(record)))
        return record
    }

    /// Links an enrolled participant to the screening they were enrolled from, with a `record` entry (the link is
    /// filled once, as an outcome is). See ``StudyStore/linkScreening(screeningID:participantID:actor:)``.
    package mutating func linkScreening(screeningID: String, participantID: String) throws -> ScreeningRecord {
        var record = try changeableScreening(screeningID)
        if let linked = record.participantID {
            throw Self.screeningIssue(screeningID, .participantID,
                                      linked == participantID ? "already links this participant" : "already links another participant",
                                      "A screening links one participant, once; correct a wrong link by deleting the screening with a reason and screening again.")
        }
        try checkLink(record, to: participantID)
        record.entry.participantID = participantID
        try replaceScreening(record)
        try append(AuditChange(action: .record, table: ScreeningState.table, recordID: screeningID,
                               field: ScreeningField.participantID.rawValue, newValue: participantID))
        return record
    }

    /// Corrects fields of a screening with one reason, re-checking the whole screening (and its link), with a
    /// `correct` entry per changed field and a `restamp` entry per derived change. See
    /// ``StudyStore/correctScreening(screeningID:_:reason:actor:today:)``.
    package mutating func correctScreening(
        screeningID: String, _ values: [ScreeningField: String], reason: String, today: CivilDate
    ) throws -> ScreeningRecord {
        guard !reason.isBlank else { throw StoreError.screeningReasonRequired(screeningID: screeningID) }
        if let field = values.keys.first(where: { !ScreeningField.correctable.contains($0) }) {
            throw StoreError.fieldNotCorrectable(field: field.rawValue)
        }
        let old = try changeableScreening(screeningID)
        var entry = old.entry
        var issues: [DataIssue] = []
        for field in ScreeningField.allCases {
            guard let raw = values[field] else { continue }
            let text = raw.trimmed
            func refuse(_ problem: String, _ expected: String) {
                var issue = DataIssue(participantID: screeningID, field: field.rawValue,
                                      valueShape: text.isEmpty ? nil : ValueShape.of(text), problem: problem, expected: expected)
                issue.subject = "screening"
                issues.append(issue)
            }
            switch field {
            case .siteID:
                entry.siteID = text
            case .screeningDate:
                if let date = CivilDate(iso: text) { entry.screeningDate = date } else {
                    refuse("is not a date", "Write dates as YYYY-MM-DD.")
                }
            case .eligible:
                if let value = ScreeningField.boolean(text) { entry.isEligible = value } else { refuse("is not yes or no", "Use yes or no.") }
            case .ineligibleReason:
                entry.ineligibleReason = text.isEmpty ? nil : text
            case .consented:
                if text.isEmpty {
                    entry.consented = nil
                } else if let value = ScreeningField.boolean(text) {
                    entry.consented = value
                } else {
                    refuse("is not yes or no", "Use yes or no, or leave it empty when not eligible.")
                }
            case .screeningID, .participantID:
                break
            }
        }
        if !issues.isEmpty { throw DataFileError(issues: issues) }
        let new = try ScreeningRules(schedule: try schedule(), today: today).stamp(entry).get()
        if let participantID = entry.participantID { try checkLink(new, to: participantID) }
        let before = ScreeningState.fields(of: old), after = ScreeningState.fields(of: new)
        let changed = ScreeningField.allCases.map(\.rawValue).filter { values.keys.map(\.rawValue).contains($0) && before[$0] != after[$0] }
        guard !changed.isEmpty else {
            throw Self.screeningIssue(screeningID, values.keys.sorted { $0.rawValue < $1.rawValue }.first ?? .screeningID,
                                      "already has that value", "Nothing was written.")
        }
        try replaceScreening(new)
        for field in changed {
            try append(AuditChange(action: .correct, table: ScreeningState.table, recordID: screeningID, field: field,
                                   oldValue: before[field], newValue: after[field], reason: reason))
        }
        for key in [ScreeningState.conditionID, ScreeningState.period] where before[key] != after[key] {
            try append(AuditChange(action: .restamp, table: ScreeningState.table, recordID: screeningID, field: key,
                                   oldValue: before[key], newValue: after[key], reason: reason))
        }
        return new
    }

    /// Soft-deletes a screening, with a `soft-delete` entry. See
    /// ``StudyStore/softDeleteScreening(screeningID:reason:actor:)``.
    package mutating func softDeleteScreening(screeningID: String, reason: String) throws {
        guard !reason.isBlank else { throw StoreError.screeningReasonRequired(screeningID: screeningID) }
        var record = try changeableScreening(screeningID)
        record.isDeleted = true
        try replaceScreening(record)
        try append(AuditChange(action: .softDelete, table: ScreeningState.table, recordID: screeningID,
                               field: ScreeningState.deleted, newValue: "1", reason: reason))
    }

    /// Imports screenings: each row is checked as ``screen(_:today:)`` checks one (and against the rows before it);
    /// refused rows are collected with their file and line. All or nothing throws them (nothing is written);
    /// valid rows only stores the others. One `import` entry names the source when anything was stored.
    package mutating func importScreenings(
        _ rows: [(line: Int, row: Result<ScreeningEntry, DataFileError>)], source: String, today: CivilDate,
        mode: EventImportMode
    ) throws -> ParticipantImportResult {
        var refused: [DataIssue] = []
        var stored = 0
        var lineOf: [String: Int] = [:]
        for (line, row) in rows {
            func place(_ error: DataFileError) {
                refused += error.issues.map { issue in
                    var placed = issue
                    placed.file = source
                    placed.line = line
                    return placed
                }
            }
            switch row {
            case .failure(let error):
                place(error)
            case .success(let entry):
                if let first = lineOf[entry.id] {
                    place(DataFileError(issues: [Self.issue(entry.id, .screeningID, "repeats the screening of line \(first)",
                                                            "Give each screening its own id.")]))
                    continue
                }
                lineOf[entry.id] = line
                do {
                    _ = try screen(entry, today: today)
                    stored += 1
                } catch let error as DataFileError {
                    place(error)
                } catch let error as StoreError {
                    guard case .dataRejected(let rejected) = error else { throw error }
                    place(rejected)
                }
            }
        }
        if !refused.isEmpty && mode == .allOrNothing { throw DataFileError(issues: refused) }
        if stored > 0 {
            try append(AuditChange(action: .importBatch, table: ScreeningState.table, recordID: nil, field: "source",
                                   newValue: source, reason: "\(stored) screening(s)"))
        }
        return ParticipantImportResult(stored: stored, refused: refused)
    }

    /// The screening to change: stored and not deleted.
    package func changeableScreening(_ id: String) throws -> ScreeningRecord {
        guard let record = try screening(id) else { throw StoreError.screeningNotFound(id: id) }
        guard !record.isDeleted else { throw StoreError.screeningDeleted(id: id) }
        return record
    }

    /// Refuses linking `record` to `participantID` unless the participant is enrolled (not deleted) at the same site,
    /// the screening eligible and consented, and neither is linked elsewhere.
    private func checkLink(_ record: ScreeningRecord, to participantID: String) throws {
        func refuse(_ problem: String, _ expected: String) throws -> Never {
            throw Self.screeningIssue(record.id, .participantID, problem, expected)
        }
        if !record.entry.isEnrollable {
            try refuse("links a screening that is not eligible and consented",
                       "Only an eligible person who consented can be enrolled; correct eligible or consented first.")
        }
        guard let participant = try participant(participantID), !participant.isDeleted else {
            try refuse("is not an enrolled participant (participant '\(participantID)')",
                       "Enroll the participant first, then link the screening.")
        }
        if participant.enrollment.record.siteID != record.siteID {
            try refuse("is a participant of another site (participant '\(participantID)')",
                       "A screening links a participant of its own site.")
        }
        if let linked = try screeningID(linkedTo: participantID), linked != record.id {
            try refuse("is already linked to screening '\(linked)' (participant '\(participantID)')",
                       "A participant is enrolled from one screening.")
        }
    }

    /// One issue about a screening, without file or line.
    static func issue(_ id: String, _ field: ScreeningField, _ problem: String, _ expected: String) -> DataIssue {
        var issue = DataIssue(participantID: id, field: field.rawValue, problem: problem, expected: expected)
        issue.subject = "screening"
        return issue
    }

    /// A refusal of one screening field, as ``WedgeCore/DataFileError``.
    static func screeningIssue(_ id: String, _ field: ScreeningField, _ problem: String, _ expected: String) -> DataFileError {
        DataFileError(issues: [issue(id, field, problem, expected)])
    }
}
