// SPDX-License-Identifier: Apache-2.0

import GRDB
public import WedgeCore

extension StudyStore {
    /// The longest adverse event description accepted, in characters.
    public static let adverseEventDescriptionLimit = 2_000

    /// Records an adverse event for an enrolled participant, with an `adverse-event` audit entry, in one
    /// transaction.
    ///
    /// The event date must fall on or after the participant's admission and not after `today`; the description
    /// must not be blank and holds at most ``adverseEventDescriptionLimit`` characters. Events are never edited:
    /// the audit entry holds the whole event, and ``verifyAuditChain()`` compares the table with it.
    ///
    /// - Parameters:
    ///   - participantID: The participant.
    ///   - date: The day of the event.
    ///   - description: What happened (free text; never printed in errors).
    ///   - isSerious: Whether it was a serious adverse event.
    ///   - actor: Who records it; required.
    ///   - today: The entry date.
    /// - Returns: The stored event, with its id.
    /// - Throws: ``StoreError/actorRequired``, ``StoreError/participantNotFound(id:)``,
    ///   ``StoreError/participantDeleted(id:)``, ``StoreError/dataRejected(_:)`` for a refused date or
    ///   description; a wrapped SQLite error.
    public func recordAdverseEvent(
        participantID: String, date: CivilDate, description: String, isSerious: Bool, actor: String,
        today: CivilDate
    ) throws(StoreError) -> AdverseEvent {
        guard !actor.isBlank else { throw .actorRequired }
        let at = clock()
        return try write("record an adverse event of participant '\(participantID)'") { db in
            var transaction = SQLiteStudyTransaction(db, at: at, actor: actor)
            return try transaction.recordAdverseEvent(participantID: participantID, date: date, description: description,
                                                      isSerious: isSerious, today: today)
        }
    }
}
