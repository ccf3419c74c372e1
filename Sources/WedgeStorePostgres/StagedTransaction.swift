// SPDX-License-Identifier: Apache-2.0

import WedgeCore
import WedgeStore

/// The PostgreSQL engine's ``WedgeStore/StudyTransaction``: the shared write logic runs on what was read at the
/// start of the transaction (the participants it names, the audit head), and its writes are collected in a
/// ``PostgresWriteBatch`` that is sent before the commit.
///
/// Reads are served from the staged state, so a participant written earlier in the same operation reads back as
/// written. Asking for a participant that was not read first is a programming error, reported as
/// ``StoreError/unexpected(location:operation:type:)``.
struct StagedTransaction: StudyTransaction {
    private let stored: Schedule
    private var known: [String: StoredParticipant]
    private let read: Set<String>
    private var head: AuditChainHead
    private var nextAdverseEventID: Int64
    private var versions: [String: Int64]
    private let location: String
    private var screenings: [String: ScreeningRecord]
    private let screeningsRead: Set<String>
    private var links: [String: String]
    private let linksRead: Set<String>
    /// The rows to send.
    private(set) var batch = PostgresWriteBatch()

    /// A transaction over the participants read (`participants`, looked up by the ids in `read`), and the screenings
    /// read (`screenings`, looked up by the ids in `screeningsRead`) with the screening links of the participants
    /// read (`links`, by participant id; `nil` when they were not read).
    init(schedule: Schedule, participants: [StoredParticipant], read: [String], head: AuditChainHead,
         nextAdverseEventID: Int64, versions: [String: Int64] = [:], location: String,
         screenings: [ScreeningRecord] = [], screeningsRead: [String] = [], links: [String: String]? = nil) {
        self.versions = versions
        self.screenings = Dictionary(screenings.map { ($0.id, $0) }) { first, _ in first }
        self.screeningsRead = Set(screeningsRead)
        self.links = links ?? [:]
        linksRead = links == nil ? [] : Set(read)
        stored = schedule
        known = Dictionary(participants.map { ($0.id, $0) }) { first, _ in first }
        self.read = Set(read)
        self.head = head
        self.nextAdverseEventID = nextAdverseEventID
        self.location = location
    }

    func schedule() throws -> Schedule { stored }

    func participant(_ id: String) throws -> StoredParticipant? {
        guard read.contains(id) || known[id] != nil else {
            throw StoreError.unexpected(location: location, operation: "stage a write",
                                       type: "read of a participant that was not fetched first")
        }
        return known[id]
    }

    func contains(_ id: String) throws -> Bool { try participant(id) != nil }

    /// Stores `answer`'s rendering of `result`, if any, with the writes; returns whether there was one.
    mutating func store(_ answer: IdempotentAnswer, of result: StudyWriteResult) -> Bool {
        guard let (status, response) = answer.render(result) else { return false }
        batch.answers.append((answer.username, answer.key, status, response))
        return true
    }

    mutating func insert(_ participant: StoredParticipant) throws {
        known[participant.id] = participant
        batch.insert(participant)
    }

    mutating func replace(_ participant: StoredParticipant) throws {
        guard let original = try self.participant(participant.id) else {
            throw StoreError.participantNotFound(id: participant.id)
        }
        known[participant.id] = participant
        batch.replace(participant, original: original)
    }

    mutating func markDeleted(_ id: String) throws {
        guard var participant = try participant(id) else { throw StoreError.participantNotFound(id: id) }
        participant.isDeleted = true
        try replace(participant)
    }

    mutating func insertAdverseEvent(_ row: AdverseEventRow) throws -> AdverseEventRow {
        var inserted = row
        inserted.id = nextAdverseEventID
        nextAdverseEventID += 1
        batch.adverseEvents.append(inserted)
        return inserted
    }

    /// The version read at the start (a participant's version is only asked before anything is staged for it).
    func participantVersion(_ id: String) throws -> Int64 {
        _ = try participant(id)
        return versions[id] ?? 0
    }

    mutating func append(_ change: AuditChange) throws {
        let entry = head.next(change)
        if let id = change.recordID, AuditEntry.participantTableNames.contains(change.table) { versions[id] = entry.id }
        batch.audit.append(entry)
    }

    func screening(_ id: String) throws -> ScreeningRecord? {
        guard screeningsRead.contains(id) || screenings[id] != nil else {
            throw StoreError.unexpected(location: location, operation: "stage a write",
                                       type: "read of a screening that was not fetched first")
        }
        return screenings[id]
    }

    /// The link read at the start for a participant read then, as changed by this transaction since.
    func screeningID(linkedTo participantID: String) throws -> String? {
        guard linksRead.contains(participantID) else {
            throw StoreError.unexpected(location: location, operation: "stage a write",
                                       type: "read of a screening link that was not fetched first")
        }
        return links[participantID]
    }

    mutating func insertScreening(_ record: ScreeningRecord) throws {
        screenings[record.id] = record
        if let participant = record.participantID { links[participant] = record.id }
        batch.insertScreening(record)
    }

    mutating func replaceScreening(_ record: ScreeningRecord) throws {
        screenings[record.id] = record
        if let participant = record.participantID { links[participant] = record.id }
        batch.replaceScreening(record)
    }

    /// Makes the next audit entries in `actor`'s name (the next request of a group commit).
    mutating func setActor(_ actor: String) { head.actor = actor }
}
