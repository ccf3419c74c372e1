// SPDX-License-Identifier: Apache-2.0

import GRDB

/// Appends chained entries to `audit_log` inside one write transaction.
///
/// Reads the head of the chain once, then keeps it in memory, so a bulk import costs one INSERT per entry (a
/// ``PreparedInsert`` prepared once).
/// Ids are assigned explicitly (head + 1) because the id is part of the hashed text.
struct AuditAppender {
    /// When the entries are made.
    let at: String
    /// Who makes them.
    let actor: String
    private var lastID: Int64
    private var lastHash: String
    private let insert: PreparedInsert

    /// Starts appending after the current head of the log.
    init(_ db: Database, at: String, actor: String) throws {
        self.at = at
        self.actor = actor
        if let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1") {
            lastID = row[0]
            lastHash = row[1]
        } else {
            lastID = 0
            lastHash = AuditChain.genesis
        }
        insert = try PreparedInsert(db, sql: """
            INSERT INTO audit_log (id, at, actor, action, table_name, record_id, field, old_value, new_value, reason,
                                   prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Appends one entry.
    mutating func append(
        _ db: Database, action: AuditAction, table: String, recordID: String?, field: String? = nil,
        oldValue: String? = nil, newValue: String? = nil, reason: String? = nil
    ) throws {
        let id = lastID + 1
        let hash = AuditChain.hash(
            previous: lastHash, id: id, at: at, actor: actor, action: action.rawValue, table: table,
            recordID: recordID, field: field, oldValue: oldValue, newValue: newValue, reason: reason)
        let previous = lastHash
        try insert.run { bind in
            bind.int(id)
            for value in [at, actor, action.rawValue, table] { bind.text(value) }
            for value in [recordID, field, oldValue, newValue, reason] { bind.text(value) }
            bind.text(previous)
            bind.text(hash)
        }
        lastID = id
        lastHash = hash
    }
}
