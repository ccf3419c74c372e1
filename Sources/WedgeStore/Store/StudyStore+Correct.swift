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
    ///   - ifVersion: Write only if the participant is still at this version (``VersionedParticipant``).
    /// - Throws: ``StoreError/reasonRequired(participantID:)``, ``StoreError/actorRequired``,
    ///   ``StoreError/participantNotFound(id:)``, ``StoreError/participantDeleted(id:)``,
    ///   ``StoreError/unknownField(field:suggestion:known:)``, ``StoreError/fieldNotCorrectable(field:)``,
    ///   ``StoreError/unchangedValue(participantID:field:)``, ``StoreError/dataRejected(_:)`` when the value or
    ///   the corrected record breaks a rule; a wrapped SQLite error.
    public func correct(
        participantID: String, field: String, value: String?, reason: String, actor: String, today: CivilDate,
        ifVersion: Int64? = nil
    ) throws(StoreError) {
        guard !actor.isBlank else { throw .actorRequired }
        let at = clock()
        try write("correct participant '\(participantID)'") { db in
            var transaction = SQLiteStudyTransaction(db, at: at, actor: actor)
            try transaction.requireVersion(participantID, ifVersion)
            try transaction.correct(participantID: participantID, field: field, value: value, reason: reason, today: today)
        }
    }

    /// Soft-deletes a participant: the rows stay, marked deleted, and leave every snapshot.
    ///
    /// - Parameters:
    ///   - participantID: The participant.
    ///   - reason: Why; required.
    ///   - actor: Who deletes; required.
    ///   - ifVersion: Write only if the participant is still at this version (``VersionedParticipant``).
    /// - Throws: ``StoreError/reasonRequired(participantID:)``, ``StoreError/actorRequired``,
    ///   ``StoreError/participantNotFound(id:)``, ``StoreError/participantDeleted(id:)``; a wrapped SQLite error.
    public func softDelete(
        participantID: String, reason: String, actor: String, ifVersion: Int64? = nil
    ) throws(StoreError) {
        guard !actor.isBlank else { throw .actorRequired }
        let at = clock()
        try write("delete participant '\(participantID)'") { db in
            var transaction = SQLiteStudyTransaction(db, at: at, actor: actor)
            try transaction.requireVersion(participantID, ifVersion)
            try transaction.softDelete(participantID: participantID, reason: reason)
        }
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
