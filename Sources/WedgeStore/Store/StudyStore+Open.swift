// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import WedgeCore

extension StudyStore {
    /// Opens an existing study database, applying any schema migrations it has not had yet.
    ///
    /// The file is first inspected read-only, so that a file Wedge did not create is never changed.
    ///
    /// - Parameter path: The database file.
    /// - Returns: The open store.
    /// - Throws: ``StoreError/fileNotFound(path:)``; ``StoreError/notAWedgeDatabase(path:)`` for a file that is not
    ///   SQLite or has no Wedge study; ``StoreError/newerDatabase(path:unknownMigrations:)`` for a database written
    ///   by a newer Wedge; ``StoreError/database(location:operation:resultCode:extendedResultCode:)`` when SQLite
    ///   fails (for example, a busy or read-only file).
    public static func open(at path: String) throws(StoreError) -> StudyStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        let location = "'\(path)'"
        let migrator = StoreMigrations.migrator
        do {
            let probe = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
            let applied = try probe.read { db -> Set<String>? in
                guard try db.tableExists("grdb_migrations"), try db.tableExists("study") else { return nil }
                return try migrator.appliedIdentifiers(db)
            }
            try probe.close()
            guard let applied, applied.contains(StoreMigrations.v1) else { throw StoreError.notAWedgeDatabase(path: path) }
            let unknown = applied.subtracting(migrator.migrations)
            guard unknown.isEmpty else {
                throw StoreError.newerDatabase(path: path, unknownMigrations: unknown.sorted())
            }
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw .notAWedgeDatabase(path: path)
        } catch {
            throw .wrapping(error, location: location, operation: "open the study")
        }
        let store: StudyStore
        do {
            store = StudyStore(writer: try DatabasePool(path: path, configuration: configuration()), location: location)
            try migrator.migrate(store.writer)
        } catch {
            throw .wrapping(error, location: location, operation: "open the study")
        }
        let studies = try store.read("open the study") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM study") }
        guard studies == 1 else { throw .notAWedgeDatabase(path: path) }
        return store
    }
}
