// SPDX-License-Identifier: Apache-2.0

import GRDB
public import WedgeCore

extension StudyStore {
    /// Corrects one field of a participant's record, re-validating the whole record, with an audit entry.
    ///
    /// The field is named by its data-file column: `site_id`, `admission_date`, a baseline covariate id of the
    /// protocol, or an outcome column (see ``WedgeCore/ParticipantField``). The corrected record is checked with
    /// ``WedgeCore/ParticipantRules`` against the stored schedule; if it breaks a rule, nothing is written.
    /// Changing `site_id` or `admission_date` re-stamps the assigned condition, period and transition status, and
    /// any change may change the review flags: each such derived change gets its own `restamp` audit entry. The
    /// old value is kept in the audit log.
    ///
    /// - Parameters:
    ///   - participantID: The participant.
    ///   - field: The column name of the field to change.
    ///   - value: The new value as it would be written in a data file, or `nil` (or blank) to make it empty.
    ///   - reason: Why; required.
    ///   - actor: Who makes the correction; required.
    ///   - today: The entry date: no date may be later.
    /// - Throws: ``StoreError/reasonRequired(participantID:)``, ``StoreError/actorRequired``,
    ///   ``StoreError/participantNotFound(id:)``, ``StoreError/participantDeleted(id:)``,
    ///   ``StoreError/unknownField(field:suggestion:known:)``, ``StoreError/fieldNotCorrectable(field:)``,
    ///   ``StoreError/unchangedValue(participantID:field:)``, ``StoreError/dataRejected(_:)`` when the value or
    ///   the corrected record breaks a rule; a wrapped SQLite error.
    public func correct(
        participantID: String, field: String, value: String?, reason: String, actor: String, today: CivilDate
    ) throws(StoreError) {
        guard !actor.isBlank else { throw .actorRequired }
        guard !reason.isBlank else { throw .reasonRequired(participantID: participantID) }
        guard field != ParticipantField.participantID.rawValue else { throw .fieldNotCorrectable(field: field) }
        let at = clock()
        try write("correct participant '\(participantID)'") { db in
            let schedule = try Self.schedule(db)
            let old = try Self.changeableParticipant(db, participantID)
            let record = try Self.record(old.enrollment.record, setting: field, to: value, protocol: schedule.protocol)
            let rules = ParticipantRules(schedule: schedule, today: today)
            let enrollment = try rules.enroll(record).get()
            let new = StoredParticipant(enrollment: enrollment, flags: rules.flags(enrollment), isDeleted: false)
            let before = old.state, after = new.state
            guard before[field] != after[field] else {
                throw StoreError.unchangedValue(participantID: participantID, field: field)
            }
            try ParticipantTables.replace(db, new)
            var audit = try AuditAppender(db, at: at, actor: actor)
            try audit.append(db, action: .correct, table: Self.table(of: field), recordID: participantID, field: field,
                             oldValue: before[field], newValue: after[field], reason: reason)
            for key in Set(before.keys).union(after.keys).sorted() where key != field && before[key] != after[key] {
                try audit.append(db, action: .restamp, table: Self.table(of: key), recordID: participantID, field: key,
                                 oldValue: before[key], newValue: after[key], reason: reason)
            }
        }
    }

    /// Soft-deletes a participant: the rows stay, marked deleted, and leave every snapshot.
    ///
    /// - Parameters:
    ///   - participantID: The participant.
    ///   - reason: Why; required.
    ///   - actor: Who deletes; required.
    /// - Throws: ``StoreError/reasonRequired(participantID:)``, ``StoreError/actorRequired``,
    ///   ``StoreError/participantNotFound(id:)``, ``StoreError/participantDeleted(id:)``; a wrapped SQLite error.
    public func softDelete(participantID: String, reason: String, actor: String) throws(StoreError) {
        guard !actor.isBlank else { throw .actorRequired }
        guard !reason.isBlank else { throw .reasonRequired(participantID: participantID) }
        let at = clock()
        try write("delete participant '\(participantID)'") { db in
            _ = try Self.changeableParticipant(db, participantID)
            try db.execute(sql: "UPDATE participant SET is_deleted = 1 WHERE id = ?", arguments: [participantID])
            var audit = try AuditAppender(db, at: at, actor: actor)
            try audit.append(db, action: .softDelete, table: "participant", recordID: participantID,
                             field: ParticipantState.deleted, newValue: "1", reason: reason)
        }
    }

    private static func changeableParticipant(_ db: Database, _ id: String) throws -> StoredParticipant {
        guard let participant = try ParticipantTables.fetchOne(db, id: id) else {
            throw StoreError.participantNotFound(id: id)
        }
        guard !participant.isDeleted else { throw StoreError.participantDeleted(id: id) }
        return participant
    }

    /// The table that holds a state key.
    static func table(of key: String) -> String {
        if key == ParticipantState.flags { return "participant_flag" }
        if let field = ParticipantField(rawValue: key) {
            return ParticipantField.outcomes.contains(field) ? "induction" : "participant"
        }
        return ParticipantState.derivedKeys.contains(key) ? "participant" : "baseline_value"
    }
}
