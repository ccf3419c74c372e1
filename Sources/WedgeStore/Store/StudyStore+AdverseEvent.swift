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
        let text = description.trimmed
        return try write("record an adverse event of participant '\(participantID)'") { db in
            guard let participant = try ParticipantTables.fetchOne(db, id: participantID) else {
                throw StoreError.participantNotFound(id: participantID)
            }
            guard !participant.isDeleted else { throw StoreError.participantDeleted(id: participantID) }
            var issues: [DataIssue] = []
            func refuse(_ field: String, _ problem: String, _ expected: String) {
                issues.append(DataIssue(participantID: participantID, field: field, problem: problem, expected: expected))
            }
            if date < participant.enrollment.record.admissionDate {
                refuse("date", "is before admission_date", "Check both dates.")
            }
            if date > today { refuse("date", "is in the future", "Dates may not be later than \(today.iso).") }
            if text.isEmpty { refuse("description", "is empty", "Describe what happened.") }
            if text.count > Self.adverseEventDescriptionLimit {
                refuse("description", "is longer than \(Self.adverseEventDescriptionLimit) characters",
                       "Shorten it; keep the full narrative in the source document.")
            }
            guard issues.isEmpty else { throw DataFileError(issues: issues) }
            var row = AdverseEventRow(id: nil, participantID: participantID, date: date.iso, description: text,
                                      serious: isSerious)
            try row.insert(db)
            var audit = try AuditAppender(db, at: at, actor: actor)
            try audit.append(db, action: .adverseEvent, table: "adverse_event", recordID: participantID,
                             field: "adverse_event", newValue: ParticipantState.json(row.state))
            return row.event!
        }
    }
}
