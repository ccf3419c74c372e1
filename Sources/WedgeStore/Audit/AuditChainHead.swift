// SPDX-License-Identifier: Apache-2.0

/// The head of the audit chain inside one write transaction: the last entry's id and hash, from which each next
/// entry's id (head + 1) and hash follow.
///
/// Both engines chain entries with this one type, so an entry's hash is computed from the same canonical bytes
/// (``AuditChain``) whichever engine writes it, and one verifier checks either. Appends stay linear only if no
/// other writer appends between reading the head and committing: SQLite guarantees it with its single writer,
/// PostgreSQL with a transaction-scoped advisory lock taken before the head is read (see `docs/postgresql.md`).
package struct AuditChainHead: Sendable {
    /// The id of the last entry, 0 for an empty log.
    package private(set) var lastID: Int64
    /// The hash of the last entry, ``AuditChain/genesis`` for an empty log.
    package private(set) var lastHash: String
    /// When the entries of this transaction are made.
    package let at: String
    /// Who makes them (a group commit changes it between the writes of its requests).
    package var actor: String

    /// Continues after the entry `lastID` with hash `lastHash`, or from the start when `lastID` is `nil`.
    package init(lastID: Int64?, lastHash: String?, at: String, actor: String) {
        self.lastID = lastID ?? 0
        self.lastHash = lastHash ?? AuditChain.genesis
        self.at = at
        self.actor = actor
    }

    /// The entry for `change`, numbered and chained after the head, which it becomes.
    package mutating func next(_ change: AuditChange) -> AuditEntry {
        let id = lastID + 1
        let hash = AuditChain.hash(
            previous: lastHash, id: id, at: at, actor: actor, action: change.action.rawValue, table: change.table,
            recordID: change.recordID, field: change.field, oldValue: change.oldValue, newValue: change.newValue,
            reason: change.reason)
        let entry = AuditEntry(
            id: id, at: at, actor: actor, action: change.action, table: change.table, recordID: change.recordID,
            field: change.field, oldValue: change.oldValue, newValue: change.newValue, reason: change.reason,
            previousHash: lastHash, hash: hash)
        lastID = id
        lastHash = hash
        return entry
    }
}
