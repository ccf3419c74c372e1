// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import WedgeCore

extension StudyStore {
    /// Opens an existing study database, applying any schema migrations it has not had yet.
    ///
    /// One connection (a `DatabaseQueue`) is opened. Before anything is written, one read checks that the file
    /// is a Wedge database (a `study` row and the `v1-schema` migration) written by this or an older Wedge, so a
    /// file Wedge did not create is never changed. Migrations run only when some are missing: opening an
    /// up-to-date database writes nothing. The file keeps the WAL journal mode it was created with, so readers
    /// in other processes never block the writer; write transactions are `IMMEDIATE` and `synchronous` is `NORMAL`,
    /// as with the `DatabasePool` that created the file.
    ///
    /// Why not a `DatabasePool`, which creates the file: GRDB's pool, on opening a file whose WAL is empty (the
    /// usual state after the last process closed it), creates and drops a table to make the WAL non-empty
    /// (GRDB issues 102 and 1383). Every command, even `wedge status`, would then write to the study file and bump
    /// its schema version, and a file that is not a Wedge database would be changed (and switched to WAL) before
    /// it could be refused. A single connection is also what a command-line process needs: in WAL mode, readers in
    /// other processes still never block the writer. (Measured on a 20,000-participant study: `wedge record`
    /// takes 27 ms with the queue, 30 ms with a pool.) The test `openWritesNothing` holds this: opening and
    /// reading an up-to-date database leaves the file's bytes unchanged.
    ///
    /// - Parameter path: The database file.
    /// - Returns: The open store.
    /// - Throws: ``StoreError/fileNotFound(path:)``; ``StoreError/notAWedgeDatabase(path:)`` for a file that is not
    ///   SQLite or has no Wedge study; ``StoreError/newerDatabase(path:unknownMigrations:)`` for a database written
    ///   by a newer Wedge; ``StoreError/database(location:operation:resultCode:extendedResultCode:)`` when SQLite
    ///   fails (for example, a busy or read-only file).
    public static func open(at path: String) throws(StoreError) -> StudyStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        // A directory, a device or a FIFO is refused before SQLite opens it (a FIFO would block the open).
        guard (try? InputFile.check(path)) != nil else { throw .notAWedgeDatabase(path: path) }
        let location = "'\(path)'"
        let migrator = StoreMigrations.migrator
        let queue: DatabaseQueue
        let pending: Bool
        do {
            var config = configuration()
            config.prepareDatabase { db in
                // As GRDB's DatabasePool (which creates study files) sets it: in WAL mode, commits are atomic and
                // the file is never corrupted; a power cut may lose the last commits, a killed process does not.
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" {
                    try db.execute(sql: "PRAGMA synchronous = NORMAL")
                }
            }
            queue = try DatabaseQueue(path: path, configuration: config)
            let probe = try queue.read { db -> (applied: Set<String>, studies: Int)? in
                guard try db.tableExists("grdb_migrations"), try db.tableExists("study") else { return nil }
                return (try migrator.appliedIdentifiers(db), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM study") ?? 0)
            }
            guard let probe, probe.applied.contains(StoreMigrations.v1), probe.studies == 1 else {
                try? queue.close()
                throw StoreError.notAWedgeDatabase(path: path)
            }
            let unknown = probe.applied.subtracting(migrator.migrations)
            guard unknown.isEmpty else {
                try? queue.close()
                throw StoreError.newerDatabase(path: path, unknownMigrations: unknown.sorted())
            }
            pending = !Set(migrator.migrations).isSubset(of: probe.applied)
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw .notAWedgeDatabase(path: path)
        } catch {
            throw .wrapping(error, location: location, operation: "open the study")
        }
        if pending {
            do {
                try migrator.migrate(queue)
            } catch {
                throw .wrapping(error, location: location, operation: "open the study")
            }
        }
        return StudyStore(writer: queue, location: location)
    }
}

extension StudyStore {
    /// Opens an existing study database for a server: checked and migrated as ``open(at:)`` does, then served by a
    /// GRDB `DatabasePool`, so that many requests read at once (WAL readers) while one writer commits.
    ///
    /// - Parameter path: The database file.
    /// - Returns: The open store.
    /// - Throws: As ``open(at:)``.
    public static func openShared(at path: String) throws(StoreError) -> StudyStore {
        let checked = try open(at: path)
        try? (checked.writer as? DatabaseQueue)?.close()
        do {
            return StudyStore(writer: try DatabasePool(path: path, configuration: configuration()), location: checked.location)
        } catch {
            throw .wrapping(error, location: checked.location, operation: "open the study")
        }
    }
}
