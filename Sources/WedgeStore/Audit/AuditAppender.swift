// SPDX-License-Identifier: Apache-2.0

import GRDB

/// Appends chained entries to `audit_log` inside one SQLite write transaction.
///
/// Reads the head of the chain once, then keeps it in memory (``AuditChainHead``), so a bulk import costs one
/// INSERT per entry (a ``PreparedInsert`` prepared once). Ids are assigned explicitly (head + 1) because the id is
/// part of the hashed text.
struct AuditAppender {
    private var head: AuditChainHead
    private let insert: PreparedInsert

    /// Starts appending after the current head of the log.
    init(_ db: Database, at: String, actor: String) throws {
        let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        head = AuditChainHead(lastID: row?[0], lastHash: row?[1], at: at, actor: actor)
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
        try append(AuditChange(action: action, table: table, recordID: recordID, field: field, oldValue: oldValue,
                               newValue: newValue, reason: reason))
    }

    /// Appends the entry for `change`.
    mutating func append(_ change: AuditChange) throws {
        try write(head.next(change))
    }

    /// Inserts an entry that already has its id and hashes (a copied study's log).
    func write(_ entry: AuditEntry) throws {
        try insert.run { bind in
            bind.int(entry.id)
            for value in [entry.at, entry.actor, entry.action.rawValue, entry.table] { bind.text(value) }
            for value in [entry.recordID, entry.field, entry.oldValue, entry.newValue, entry.reason] { bind.text(value) }
            bind.text(entry.previousHash)
            bind.text(entry.hash)
        }
    }
}
