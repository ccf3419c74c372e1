// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
internal import WedgeCore

/// A study database: the protocol, the randomized schedule, the participants and an append-only audit trail.
///
/// A file database is a SQLite file in WAL mode, so readers never block the writer. Every writing method runs
/// in one transaction: it either writes everything it was asked to, with its audit entries, or nothing.
///
/// ```swift
/// let store = try StudyStore.create(at: "swift.wedge", protocol: loaded, schedule: schedule,
///                                   createdAt: "2024-05-01T09:30:00Z")
/// try store.importParticipants(rows, source: "site-a.csv", actor: "jdoe")
/// let snapshot = try store.fetchSnapshot(dataLockDate: today)
/// ```
///
/// The interface speaks only Wedge types, so another backend (such as PostgreSQL) can offer the same one.
/// The schema is described in `docs/database-schema.md`.
public struct StudyStore: Sendable {
    /// The database connection: a `DatabaseQueue` (one connection), or a `DatabasePool` for a file just created.
    let writer: any DatabaseWriter
    /// The quoted path, or `the in-memory database`, for error messages.
    public let location: String
    /// The clock for audit timestamps: ISO 8601 UTC.
    let clock: @Sendable () -> String
    /// The schedule, once read: the study and site rows it is built from never change (guard triggers).
    let scheduleCache = ScheduleCache()

    init(writer: any DatabaseWriter, location: String, clock: @escaping @Sendable () -> String = StudyStore.utcNow) {
        self.writer = writer
        self.location = location
        self.clock = clock
    }

    /// The current time as ISO 8601 UTC with seconds, such as `2024-05-01T09:30:00Z`.
    static let utcNow: @Sendable () -> String = { Date().formatted(.iso8601) }

    /// The connection settings: foreign keys on, and a wait of up to 10 s when another process holds the lock.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/foreignkeys.html>, <https://www.sqlite.org/wal.html>
    static func configuration(readonly: Bool = false) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readonly
        config.busyMode = .timeout(10)
        return config
    }

    /// Runs `body` in a write transaction, wrapping any error in ``StoreError``.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch {
            throw StoreError.wrapping(error, location: location, operation: operation)
        }
    }

    /// The page cache, in KiB, of a bulk write (an import): 32 MiB instead of SQLite's default 2 MiB.
    ///
    /// An import inserts into several indexes at random places (the audit hashes above all); with the default
    /// cache, those pages are spilled to the WAL and read back many times over. The cache is bounded, so a
    /// file of any size still imports in bounded memory; it is restored after the transaction.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/pragma.html#pragma_cache_size>
    static let bulkCacheKiB = 32_768

    /// Runs `body` in a write transaction with a page cache of ``bulkCacheKiB``, wrapping any error in
    /// ``StoreError``.
    func bulkWrite<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
                try db.execute(sql: "PRAGMA cache_size = -\(Self.bulkCacheKiB)")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(previous)") }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw StoreError.wrapping(error, location: location, operation: operation)
        }
    }

    /// Runs `body` in a read transaction (a consistent snapshot), wrapping any error in ``StoreError``.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.wrapping(error, location: location, operation: operation)
        }
    }

    /// Runs `body` in a read transaction on GRDB's own threads, suspending the caller rather than blocking it: a
    /// server's requests wait without holding one of the few threads of Swift's cooperative pool.
    func asyncRead<T: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(StoreError) -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw StoreError.wrapping(error, location: location, operation: operation)
        }
    }

    /// Runs `body` in a write transaction on GRDB's writer thread, suspending the caller (see ``asyncRead(_:_:)``).
    func asyncWrite<T: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(StoreError) -> T {
        do {
            return try await writer.write(body)
        } catch {
            throw StoreError.wrapping(error, location: location, operation: operation)
        }
    }

    /// The connection's `PRAGMA cache_size`. For tests.
    func pageCacheSize() throws(StoreError) -> Int {
        try read("read the cache size") { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? 0 }
    }

    /// Executes raw SQL with no checks. For tests that simulate tampering only.
    func executeUncheckedSQL(_ sql: String) throws(StoreError) {
        try write("execute SQL") { db in try db.execute(sql: sql) }
    }
}
