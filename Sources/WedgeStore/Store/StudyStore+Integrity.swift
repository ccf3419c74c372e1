// SPDX-License-Identifier: Apache-2.0

import GRDB

extension StudyStore {
    /// Runs SQLite's own consistency checks on the database file: `PRAGMA integrity_check` and
    /// `PRAGMA foreign_key_check`.
    ///
    /// These find damage below the audit trail (a torn page, a broken index, a row pointing at a missing
    /// participant). ``verifyAuditChain()`` finds changes made through SQL.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/pragma.html#pragma_integrity_check>,
    /// <https://www.sqlite.org/pragma.html#pragma_foreign_key_check>
    ///
    /// - Returns: The problems SQLite reports, one line each; empty when the database is sound.
    /// - Throws: A wrapped SQLite error when the checks cannot run.
    public func checkIntegrity() throws(StoreError) -> [String] {
        try read("check the database's integrity") { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0]
                let parent: String = row[2]
                problems.append("a row of \(table) refers to a missing row of \(parent)")
            }
            return problems
        }
    }

    /// How many participants the database holds, soft-deleted ones included.
    ///
    /// - Throws: A wrapped SQLite error.
    public func participantCount() throws(StoreError) -> Int {
        try read("count participants", Self.countParticipants)
    }

    /// How many participants the database holds, read on GRDB's threads (``asyncRead(_:_:)``): the server's
    /// `/healthz`, which clients poll while it restarts. A synchronous read there blocked the cooperative pool's
    /// threads waiting for a reader, while the readers of asynchronous reads waited for one of those threads to be
    /// given back: the server stopped answering.
    public func participantCount() async throws(StoreError) -> Int {
        try await asyncRead("count participants", Self.countParticipants)
    }

    private static let countParticipants: @Sendable (Database) throws -> Int = { db in
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participant") ?? 0
    }
}
