// SPDX-License-Identifier: Apache-2.0

import GRDB

/// Reads `audit_log` rows as ``AuditEntry`` values.
///
/// Entries are written by ``AuditAppender`` with explicit ids (the id is part of the hashed text), so there is
/// no auto-increment record type here.
enum AuditLogRow {
    /// The columns, in the order ``entry(_:)`` reads them.
    static let columns = "id, at, actor, action, table_name, record_id, field, old_value, new_value, reason, prev_hash, hash"

    /// The entry in `row`, selected with ``columns``.
    static func entry(_ row: Row) -> AuditEntry {
        AuditEntry(id: row[0], at: row[1], actor: row[2], action: AuditAction(rawValue: row[3]), table: row[4],
                   recordID: row[5], field: row[6], oldValue: row[7], newValue: row[8], reason: row[9],
                   previousHash: row[10], hash: row[11])
    }
}
