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
            var transaction = SQLiteStudyTransaction(db, at: at, actor: actor)
            return try transaction.enroll(record, today: today)
        }
    }
}
