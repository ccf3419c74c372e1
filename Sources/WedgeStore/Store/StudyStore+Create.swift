// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
public import WedgeCore

extension StudyStore {
    /// Creates a new study database holding the protocol, the schedule and a first audit entry.
    ///
    /// Stores the study row (id, title, the protocol's exact text and digest, seed, algorithm, Wedge version,
    /// creation time) and one row per site with its sequence index, in one transaction after creating the schema.
    /// If anything fails, a new file is removed again, so no half-made study is left behind.
    ///
    /// - Parameters:
    ///   - path: A file path for a new database (SQLite in WAL mode), or `nil` for an in-memory database.
    ///   - protocol: The protocol as loaded; its text is stored and re-parsed whenever the study is read.
    ///   - schedule: The randomized schedule for that protocol.
    ///   - createdAt: The creation time, ISO 8601, recorded in the study row and the audit log.
    /// - Returns: The open store.
    /// - Throws: ``StoreError/fileExists(path:)`` when `path` exists (Wedge never overwrites);
    ///   ``StoreError/invalidStudy(problem:)`` when the schedule does not belong to the protocol;
    ///   ``StoreError/database(location:operation:resultCode:extendedResultCode:)`` when SQLite fails.
    public static func create(
        at path: String?, protocol loaded: LoadedProtocol, schedule: Schedule, createdAt: String
    ) throws(StoreError) -> StudyStore {
        try checkStudy(loaded, schedule)
        guard let path else {
            let store: StudyStore
            do {
                store = StudyStore(writer: try DatabaseQueue(configuration: configuration()),
                                   location: "the in-memory database")
            } catch {
                throw .wrapping(error, location: "the in-memory database", operation: "create the study")
            }
            try store.initialize(loaded, schedule, createdAt: createdAt)
            return store
        }
        if FileManager.default.fileExists(atPath: path) { throw .fileExists(path: path) }
        do {
            let store = StudyStore(writer: try DatabasePool(path: path, configuration: configuration()),
                                   location: "'\(path)'")
            try store.initialize(loaded, schedule, createdAt: createdAt)
            return store
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw .wrapping(error, location: "'\(path)'", operation: "create the study")
        }
    }

    private static func checkStudy(_ loaded: LoadedProtocol, _ schedule: Schedule) throws(StoreError) {
        let proto = loaded.protocol
        guard schedule.protocol == proto else {
            throw .invalidStudy(problem: "the schedule was drawn for a different protocol")
        }
        let reparsed: StudyProtocol
        do {
            reparsed = try ProtocolLoader.parse(loaded.text, file: "<protocol text>")
        } catch {
            throw .invalidStudy(problem: "the protocol text does not parse on its own (\(error.issues.count) problem(s))")
        }
        guard reparsed == proto else {
            throw .invalidStudy(problem: "the protocol text does not describe the given protocol")
        }
        let sites = proto.sites.map(\.id)
        guard schedule.assignments.map(\.siteID).sorted() == sites.sorted() else {
            throw .invalidStudy(problem: "the schedule does not assign every protocol site exactly once")
        }
        if let bad = schedule.assignments.first(where: { !proto.design.sequences.indices.contains($0.sequenceIndex) }) {
            throw .invalidStudy(problem: "site '\(bad.siteID)' is assigned to sequence \(bad.sequenceIndex), "
                                + "which the design does not have")
        }
        let reserved = Set(ParticipantState.derivedKeys + ParticipantField.allCases.map(\.rawValue))
        if let clash = proto.baseline.first(where: { reserved.contains($0.id) }) {
            throw .invalidStudy(problem: "baseline covariate id '\(clash.id)' is a reserved participant field name; "
                                + "rename it in the protocol")
        }
    }

    private func initialize(_ loaded: LoadedProtocol, _ schedule: Schedule, createdAt: String) throws(StoreError) {
        do {
            try StoreMigrations.migrator.migrate(writer)
        } catch {
            throw .wrapping(error, location: location, operation: "create the schema")
        }
        let proto = loaded.protocol
        try write("create the study") { db in
            try db.execute(sql: """
                INSERT INTO study (id, title, protocol_text, protocol_digest, seed, algorithm, wedge_version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [proto.study.id, proto.study.title, loaded.text, loaded.digest, schedule.seed,
                                 schedule.algorithm, WedgeVersion.current, createdAt])
            for (position, site) in proto.sites.enumerated() {
                let index = schedule.sequenceIndex(of: site.id)!
                try db.execute(sql: """
                    INSERT INTO site (id, study_id, position, name, sequence_index) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [site.id, proto.study.id, position, site.name, index])
            }
            var audit = try AuditAppender(db, at: createdAt, actor: "wedge")
            let summary = ParticipantState.json([
                "protocol_digest": loaded.digest, "seed": schedule.seed, "algorithm": schedule.algorithm,
                "wedge_version": WedgeVersion.current,
                "assignments": schedule.assignments.map { "\($0.siteID)=\($0.sequenceIndex)" }.joined(separator: ","),
            ])
            try audit.append(db, action: .createStudy, table: "study", recordID: proto.study.id, newValue: summary)
        }
    }
}
