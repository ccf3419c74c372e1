// SPDX-License-Identifier: Apache-2.0

import GRDB
import WedgeCore

extension StudyStore {
    /// The audit log, oldest first: all of it, or the entries about one participant.
    ///
    /// - Parameter participantID: A participant id, or `nil` for every entry (study creation and import batches
    ///   included).
    /// - Throws: A wrapped SQLite error.
    public func auditTrail(participantID: String?) throws(StoreError) -> [AuditEntry] {
        try read("read the audit trail") { db in
            let sql = "SELECT \(AuditLogRow.columns) FROM audit_log"
            let rows = if let participantID {
                try Row.fetchAll(db, sql: sql + """
                     WHERE record_id = ? AND table_name IN \(AuditEntry.participantTables) ORDER BY id
                    """, arguments: [participantID])
            } else {
                try Row.fetchAll(db, sql: sql + " ORDER BY id")
            }
            return rows.map(AuditLogRow.entry)
        }
    }

    /// Checks the audit log's hash chain, then replays it and compares the result with the stored data.
    ///
    /// Finds: an entry edited in place (its hash no longer matches), removed or reordered entries (ids with a
    /// gap, a `prev_hash` that does not match), participant data changed outside Wedge (the tables differ from
    /// the replayed log), and a study row or site assignment that differs from what the creation entry recorded.
    /// It cannot find entries removed from the end of the log: compare ``AuditVerification/headHash`` with a
    /// copy kept elsewhere for that.
    ///
    /// - Returns: The verification, with every problem found; a damaged log is a result, not an error.
    /// - Throws: A wrapped SQLite error, or ``StoreError/inconsistentDatabase(problem:)`` when the participant
    ///   tables cannot be read at all.
    public func verifyAuditChain() throws(StoreError) -> AuditVerification {
        try read("verify the audit trail") { db in
            var verifier = AuditChainVerifier()
            let rows = try Row.fetchCursor(db, sql: "SELECT \(AuditLogRow.columns) FROM audit_log ORDER BY id")
            while let row = try rows.next() { verifier.check(AuditLogRow.entry(row)) }
            return verifier.finish(participants: try ParticipantTables.fetchAll(db, includeDeleted: true),
                                   adverseEvents: try AdverseEventRow.fetchAll(db), study: try Self.studyRow(db),
                                   sites: try Self.siteRows(db),
                                   screenings: try ScreeningTables.fetchAll(db, includeDeleted: true))
        }
    }
}
