// SPDX-License-Identifier: Apache-2.0

import GRDB
import WedgeCore

/// The SQLite engine's ``StudyTransaction``: reads and writes go straight to the connection of an open write
/// transaction, and audit entries through one ``AuditAppender`` (the head is read on the first append).
struct SQLiteStudyTransaction: StudyTransaction {
    private let db: Database
    private let at: String
    private let actor: String
    private var audit: AuditAppender?
    private var writer: ParticipantWriter?
    private let stored: Schedule?

    /// A transaction on `db`, whose audit entries are made at `at` by `actor`; `schedule`, when given, is the
    /// stored schedule already read (a group commit reads it once for all its writes).
    init(_ db: Database, at: String, actor: String, schedule: Schedule? = nil) {
        self.db = db
        self.at = at
        self.actor = actor
        stored = schedule
    }

    func schedule() throws -> Schedule { try stored ?? StudyStore.schedule(db) }

    func participant(_ id: String) throws -> StoredParticipant? { try ParticipantTables.fetchOne(db, id: id) }

    func contains(_ id: String) throws -> Bool { try ParticipantTables.exists(db, id: id) }

    mutating func insert(_ participant: StoredParticipant) throws {
        if writer == nil { writer = ParticipantWriter(db) }
        try writer!.insert(participant)
    }

    mutating func replace(_ participant: StoredParticipant) throws { try ParticipantTables.replace(db, participant) }

    mutating func markDeleted(_ id: String) throws {
        try db.execute(sql: "UPDATE participant SET is_deleted = 1 WHERE id = ?", arguments: [id])
    }

    mutating func insertAdverseEvent(_ row: AdverseEventRow) throws -> AdverseEventRow {
        var inserted = row
        try inserted.insert(db)
        return inserted
    }

    func participantVersion(_ id: String) throws -> Int64 { try ParticipantTables.version(db, id: id) }

    func screening(_ id: String) throws -> ScreeningRecord? { try ScreeningTables.fetchOne(db, id: id) }

    func screeningID(linkedTo participantID: String) throws -> String? {
        try ScreeningTables.linked(db, participantID: participantID)
    }

    mutating func insertScreening(_ record: ScreeningRecord) throws { try ScreeningTables.insert(db, record) }

    mutating func replaceScreening(_ record: ScreeningRecord) throws { try ScreeningTables.replace(db, record) }

    mutating func append(_ change: AuditChange) throws {
        if audit == nil { audit = try AuditAppender(db, at: at, actor: actor) }
        try audit!.append(change)
    }
}
