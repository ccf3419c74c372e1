// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

/// What one write transaction of a storage engine offers the shared write logic: reading the schedule and a
/// participant, and writing participants, adverse events and audit entries.
///
/// Every writing operation (enroll, record, correct, delete, adverse events, event imports) is written once, as an
/// extension of this protocol (`StudyTransaction+Enroll.swift` and its siblings), and runs unchanged on both
/// engines: SQLite runs it directly on its connection (``SQLiteStudyTransaction``); PostgreSQL reads what the
/// operation needs first and then runs it on a staged copy, whose writes it sends afterwards in the same
/// transaction. Either way, the rules, the audit entries and their order are the same.
package protocol StudyTransaction {
    /// The stored schedule (with its protocol).
    func schedule() throws -> Schedule
    /// The participant with this id, deleted or not; `nil` when there is none.
    func participant(_ id: String) throws -> StoredParticipant?
    /// Whether a participant with this id is stored, deleted or not.
    func contains(_ id: String) throws -> Bool
    /// Stores a new participant with its outcomes, baseline values and flags.
    mutating func insert(_ participant: StoredParticipant) throws
    /// Overwrites a stored participant's row, outcomes, baseline values and flags.
    mutating func replace(_ participant: StoredParticipant) throws
    /// Marks a stored participant deleted.
    mutating func markDeleted(_ id: String) throws
    /// Stores an adverse event and returns it with its new id.
    mutating func insertAdverseEvent(_ row: AdverseEventRow) throws -> AdverseEventRow
    /// Appends an entry to the audit log, chained after the last one.
    mutating func append(_ change: AuditChange) throws
    /// The participant's version: the id of the last audit entry about it (0 when there is none).
    func participantVersion(_ id: String) throws -> Int64
    /// The screening with this id, deleted or not; `nil` when there is none.
    func screening(_ id: String) throws -> ScreeningRecord?
    /// The id of the screening linked to a participant (deleted screenings included); `nil` when none is.
    func screeningID(linkedTo participantID: String) throws -> String?
    /// Stores a new screening.
    mutating func insertScreening(_ record: ScreeningRecord) throws
    /// Overwrites a stored screening.
    mutating func replaceScreening(_ record: ScreeningRecord) throws
}

extension StudyTransaction {
    /// Refuses the change when `expected` is given and the participant is no longer at that version; the refusal
    /// carries the participant as stored.
    package func requireVersion(_ id: String, _ expected: Int64?) throws {
        guard let expected else { return }
        let current = try participantVersion(id)
        guard current != expected else { return }
        throw StoreError.versionConflict(participantID: id, current: current,
                                         participant: try participant(id).map { VersionedParticipant($0, version: current) })
    }
}
