// SPDX-License-Identifier: Apache-2.0

import GRDB
public import WedgeCore

extension StudyStore {
    /// Stores validated participants, all or nothing, with an audit entry for the batch and one per participant.
    ///
    /// The rows are expected to come from ``WedgeCore/ParticipantImport/validate(_:file:schedule:today:)`` (or
    /// ``WedgeCore/ParticipantRules``). The store checks, before writing anything, that no participant id is
    /// already in the database (soft-deleted ones included) or repeated in `rows`, that every stamped condition,
    /// period and transition flag agrees with the stored schedule, and that baseline values name protocol
    /// covariates. Each participant's audit entry holds its full stored state, so that the log can be replayed
    /// (see ``verifyAuditChain()``).
    ///
    /// Everything happens in one transaction with cached prepared statements; 100,000 rows take seconds.
    ///
    /// - Parameters:
    ///   - rows: The enrollments with their review flags.
    ///   - source: Where the rows came from, such as a file name; recorded in the audit log and quoted in errors.
    ///   - actor: Who imports them.
    /// - Throws: ``StoreError/dataRejected(_:)`` listing every refused row (nothing written);
    ///   ``StoreError/actorRequired``; a wrapped SQLite error.
    public func importParticipants(
        _ rows: [(enrollment: Enrollment, flags: [OutcomeFlag])], source: String, actor: String
    ) throws(StoreError) {
        guard !actor.isBlank else { throw .actorRequired }
        guard !rows.isEmpty else { return }
        let at = clock()
        try write("import participants") { db in
            let schedule = try Self.schedule(db)
            var issues: [DataIssue] = []
            var seen: Set<String> = []
            for (enrollment, _) in rows {
                issues += try Self.importIssues(db, enrollment, schedule: schedule, source: source, seen: &seen)
            }
            guard issues.isEmpty else { throw DataFileError(issues: issues) }
            var audit = try AuditAppender(db, at: at, actor: actor)
            try audit.append(db, action: .importBatch, table: "participant", recordID: nil, field: "source",
                             newValue: source, reason: "import of \(rows.count) participant(s)")
            for (enrollment, flags) in rows {
                let participant = StoredParticipant(
                    enrollment: enrollment, flags: OutcomeFlag.allCases.filter(flags.contains), isDeleted: false)
                try ParticipantTables.insert(db, participant)
                try audit.append(db, action: .insert, table: "participant", recordID: participant.id,
                                 newValue: ParticipantState.json(participant.state))
            }
        }
    }

    static func importIssues(
        _ db: Database, _ enrollment: Enrollment, schedule: Schedule, source: String, seen: inout Set<String>
    ) throws -> [DataIssue] {
        let record = enrollment.record
        let id = record.id
        func issue(_ field: String, _ problem: String, _ expected: String) -> DataIssue {
            DataIssue(file: source, participantID: id, field: field, problem: problem, expected: expected)
        }
        if id.isEmpty {
            return [issue("participant_id", "is empty", "Give every participant an identifier.")]
        }
        if !seen.insert(id).inserted {
            return [issue("participant_id", "appears twice in the import", "Give each participant one row.")]
        }
        if try ParticipantTables.exists(db, id: id) {
            return [issue("participant_id", "is already in the study database",
                          "Remove the row; to change a stored participant, correct it with a reason.")]
        }
        var issues: [DataIssue] = []
        let proto = schedule.protocol
        if let cell = schedule.cell(siteID: record.siteID, on: record.admissionDate) {
            let primary = !cell.isTransition || proto.transition.includeInPrimary
            if cell.conditionID != enrollment.conditionID || cell.period != enrollment.period
                || cell.isTransition != enrollment.isTransition || primary != enrollment.isInPrimaryAnalysis {
                issues.append(issue("condition", "does not match the stored schedule",
                                    "Enroll the record with ParticipantRules for this study's schedule."))
            }
        } else {
            issues.append(issue("site_id", "is not a site of the study, or admission_date is outside the study window",
                                "Validate the records against this study's schedule before importing."))
        }
        let known = Set(proto.baseline.map(\.id))
        for covariate in record.baseline.keys.sorted() where !known.contains(covariate) {
            issues.append(issue(covariate, "is not a baseline covariate of the protocol",
                                "Use one of: " + proto.baseline.map(\.id).joined(separator: ", ") + "."))
        }
        return issues
    }
}
