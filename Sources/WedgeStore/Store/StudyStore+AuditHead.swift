// SPDX-License-Identifier: Apache-2.0

import GRDB

extension StudyStore {
    /// The head of the audit log: its entry count, the last entry's hash and time.
    /// - Throws: A wrapped SQLite error.
    public func auditHead() throws(StoreError) -> AuditHead {
        try read("read the audit head") { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0
            guard let last = try Row.fetchOne(db, sql: "SELECT hash, at FROM audit_log ORDER BY id DESC LIMIT 1") else {
                return AuditHead(count: 0, hash: AuditChain.genesis)
            }
            return AuditHead(count: count, hash: last["hash"], at: last["at"])
        }
    }

    /// The hash of audit entry number `id` (1-based), or `nil` when there is no such entry.
    /// - Throws: A wrapped SQLite error.
    public func auditHash(ofEntry id: Int) throws(StoreError) -> String? {
        try read("read the audit trail") { db in
            try String.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE id = ?", arguments: [id])
        }
    }
}
