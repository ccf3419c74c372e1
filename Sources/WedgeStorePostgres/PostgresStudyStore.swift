// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore
public import WedgeStore

/// A study database on PostgreSQL: the second engine behind ``WedgeStore/StudyStoring``, for several server
/// instances sharing one database.
///
/// It runs the same write logic as the SQLite engine (`StudyTransaction`): for each write it takes the audit
/// chain's advisory lock, reads what the operation needs, runs the operation on a staged copy, then sends what it
/// staged, as one statement (or COPY, for many rows). A single write does that in a transaction of its own; a
/// server's group commits go through ``ChainWriter``, which holds the lock across groups. See
/// `docs/postgresql.md`.
///
/// ```swift
/// let store = try await PostgresStudyStore.open(url: "postgres://wedge@127.0.0.1:5432/swift")
/// defer { Task { await store.close() } }
/// let snapshot = try await store.fetchSnapshot(dataLockDate: today)
/// ```
///
/// The connection pool runs in a task of its own from `open` until ``close()``.
public final class PostgresStudyStore: StudyEngine {
    /// The database, without its password.
    public let location: String
    /// The connection pool.
    let connection: PostgresConnectionPool
    /// The group commits' writer, which holds the audit chain's lock across groups.
    let writer: ChainWriter
    let clock: @Sendable () -> String
    /// The stored protocol and schedule, read once when the store is opened (the study and site rows can never
    /// change: triggers refuse it).
    let loaded: LoadedProtocol
    let schedule: Schedule

    init(connection: PostgresConnectionPool, loaded: LoadedProtocol, schedule: Schedule,
         clock: @escaping @Sendable () -> String) {
        location = connection.location
        self.connection = connection
        writer = ChainWriter(pool: connection)
        self.loaded = loaded
        self.schedule = schedule
        self.clock = clock
    }

    /// Stops the connection pool. The store cannot be used afterwards.
    public func close() async {
        await connection.close()
    }

    /// The current time as ISO 8601 UTC with seconds.
    static let utcNow: @Sendable () -> String = { Date().formatted(.iso8601) }
}
