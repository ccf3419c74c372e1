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

    private func initialize(_ loaded: LoadedProtocol, _ schedule: Schedule, createdAt: String) throws(StoreError) {
        let dump = try StudyDump.newStudy(loaded, schedule, createdAt: createdAt)
        do {
            try StoreMigrations.migrator.migrate(writer)
        } catch {
            throw .wrapping(error, location: location, operation: "create the schema")
        }
        try write("create the study") { db in try Self.insert(dump, into: db) }
    }
}
