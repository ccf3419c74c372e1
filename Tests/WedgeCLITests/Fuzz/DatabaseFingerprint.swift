// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import WedgeCore

/// What a study database holds, read-only: a digest of every row of every table, and SQLite's integrity check.
struct DatabaseFingerprint: Equatable, Sendable {
    /// SHA-256 over every table's name and rows (sorted).
    let content: String
    /// `PRAGMA integrity_check`'s rows joined: "ok" for a sound file.
    let integrity: String

    /// Reads the fingerprint of the database at `path`.
    static func of(_ path: String) throws -> DatabaseFingerprint {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            var bytes = Data()
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            for table in tables {
                bytes.append(contentsOf: Data("table \(table)\n".utf8))
                // Sorted in Swift: some tables are WITHOUT ROWID.
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)").map(\.description)
                bytes.append(contentsOf: Data((rows.sorted().joined(separator: "\n") + "\n").utf8))
            }
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            return DatabaseFingerprint(content: Digest.sha256Hex(of: bytes), integrity: integrity)
        }
    }
}
