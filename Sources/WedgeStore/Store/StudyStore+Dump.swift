// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import WedgeCore

extension StudyStore {
    /// Every row of the study, read in one consistent snapshot (see ``StudyDump``).
    ///
    /// - Throws: A wrapped SQLite error, or ``StoreError/inconsistentDatabase(problem:)`` when the study row is
    ///   missing or a participant cannot be read.
    package func dump() throws(StoreError) -> StudyDump {
        try read("read the whole study") { db in
            guard let study = try Self.studyRow(db) else {
                throw StoreError.inconsistentDatabase(problem: "the study row is missing")
            }
            return StudyDump(
                study: study, sites: try Self.siteRows(db),
                participants: try ParticipantTables.fetchAll(db, includeDeleted: true),
                adverseEvents: try AdverseEventRow.fetchAll(db),
                auditLog: try Row.fetchAll(db, sql: "SELECT \(AuditLogRow.columns) FROM audit_log ORDER BY id")
                    .map(AuditLogRow.entry),
                screenings: try ScreeningTables.fetchAll(db, includeDeleted: true))
        }
    }

    /// Creates a new SQLite study database holding exactly the rows of `dump`, in one transaction after creating
    /// the schema; a file left by a failure is removed, so no half-copied study remains.
    ///
    /// - Parameters:
    ///   - dump: The study to write, as another engine read it.
    ///   - path: A path where no file exists.
    /// - Returns: The open store.
    /// - Throws: ``StoreError/fileExists(path:)``; a wrapped SQLite error.
    package static func restore(_ dump: StudyDump, at path: String) throws(StoreError) -> StudyStore {
        if FileManager.default.fileExists(atPath: path) { throw .fileExists(path: path) }
        let location = "'\(path)'"
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            try StoreMigrations.migrator.migrate(pool)
            let store = StudyStore(writer: pool, location: location)
            try store.bulkWrite("copy the study") { db in try Self.insert(dump, into: db) }
            return store
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw .wrapping(error, location: location, operation: "copy the study")
        }
    }

    static func insert(_ dump: StudyDump, into db: Database) throws {
        let s = dump.study
        try db.execute(sql: """
            INSERT INTO study (id, title, protocol_text, protocol_digest, seed, algorithm, wedge_version, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [s.id, s.title, s.protocolText, s.protocolDigest, s.seed, s.algorithm, s.wedgeVersion,
                             s.createdAt])
        for site in dump.sites {
            try db.execute(sql: "INSERT INTO site (id, study_id, position, name, sequence_index) VALUES (?, ?, ?, ?, ?)",
                           arguments: [site.id, s.id, site.position, site.name, site.sequenceIndex])
        }
        let writer = ParticipantWriter(db)
        for participant in dump.participants { try writer.insert(participant) }
        for event in dump.adverseEvents {
            try db.execute(sql: """
                INSERT INTO adverse_event (id, participant_id, date, description, serious) VALUES (?, ?, ?, ?, ?)
                """, arguments: [event.id, event.participantID, event.date, event.description, event.serious])
        }
        for screening in dump.screenings { try ScreeningTables.insert(db, screening) }
        let audit = try AuditAppender(db, at: s.createdAt, actor: "wedge")
        for entry in dump.auditLog { try audit.write(entry) }
    }

    /// The study row, or `nil` when it is missing.
    static func studyRow(_ db: Database) throws -> StudyRow? {
        try Row.fetchOne(db, sql: """
            SELECT id, title, protocol_text, protocol_digest, seed, algorithm, wedge_version, created_at FROM study
            """).map { row in
            StudyRow(id: row[0], title: row[1], protocolText: row[2], protocolDigest: row[3], seed: row[4],
                     algorithm: row[5], wedgeVersion: row[6], createdAt: row[7])
        }
    }

    /// The site rows, by position.
    static func siteRows(_ db: Database) throws -> [SiteRow] {
        try Row.fetchAll(db, sql: "SELECT id, position, name, sequence_index FROM site ORDER BY position").map { row in
            SiteRow(id: row[0], position: row[1], name: row[2], sequenceIndex: row[3])
        }
    }
}
