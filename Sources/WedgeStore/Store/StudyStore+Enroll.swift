// SPDX-License-Identifier: Apache-2.0

import GRDB
public import WedgeCore

extension StudyStore {
    /// Enrolls one participant: checks the record, stamps the condition from the stored schedule, and stores it
    /// with an `insert` audit entry, in one transaction.
    ///
    /// The condition, period and transition status are looked up from the schedule for the site and admission
    /// date, inside the write transaction, so they always agree with the stored schedule. A site that is not in
    /// the protocol, or an admission outside the study window, is refused; an admission in a transition window
    /// is enrolled and flagged, and counts in the primary analysis only when the protocol says so.
    ///
    /// - Parameters:
    ///   - record: The participant as entered (outcomes may already be filled in).
    ///   - actor: Who enrolls; required.
    ///   - today: The entry date: no date may be later.
    /// - Returns: The stamped enrollment and its review flags.
    /// - Throws: ``StoreError/actorRequired``; ``StoreError/dataRejected(_:)`` when the record breaks a rule or
    ///   the participant id is already in the database (deleted participants included); a wrapped SQLite error.
    public func enroll(
        _ record: ParticipantRecord, actor: String, today: CivilDate
    ) throws(StoreError) -> (enrollment: Enrollment, flags: [OutcomeFlag]) {
        guard !actor.isBlank else { throw .actorRequired }
        let at = clock()
        return try write("enroll participant '\(record.id)'") { db in
            if try ParticipantTables.exists(db, id: record.id) {
                throw DataFileError(issues: [DataIssue(
                    participantID: record.id, field: ParticipantField.participantID.rawValue,
                    problem: "is already in the study database",
                    expected: "Participant ids are never reused; to change a stored participant, correct it with a reason.")])
            }
            let rules = ParticipantRules(schedule: try Self.schedule(db), today: today)
            let enrollment = try rules.enroll(record).get()
            let participant = StoredParticipant(enrollment: enrollment, flags: rules.flags(enrollment), isDeleted: false)
            try ParticipantWriter(db).insert(participant)
            var audit = try AuditAppender(db, at: at, actor: actor)
            try audit.append(db, action: .insert, table: "participant", recordID: participant.id,
                             newValue: ParticipantState.json(participant.state))
            return (enrollment, participant.flags)
        }
    }
}
