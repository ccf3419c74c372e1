// SPDX-License-Identifier: Apache-2.0

import Foundation
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
                     WHERE record_id = ? AND table_name IN ('participant', 'induction', 'baseline_value',
                                                            'participant_flag')
                    ORDER BY id
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
            var problems: [AuditProblem] = []
            var replay = AuditReplay()
            var count = 0
            var lastHash = AuditChain.genesis
            let rows = try Row.fetchCursor(db, sql: "SELECT \(AuditLogRow.columns) FROM audit_log ORDER BY id")
            while let row = try rows.next() {
                let entry = AuditLogRow.entry(row)
                count += 1
                if entry.id != Int64(count) {
                    problems.append(AuditProblem(entryID: entry.id, problem: "follows entry \(count - 1): entries are missing"))
                }
                if entry.previousHash != lastHash {
                    problems.append(AuditProblem(entryID: entry.id, problem:
                        "does not chain to the entry before it: an entry was removed, inserted or rewritten"))
                }
                if AuditChain.expectedHash(of: entry) != entry.hash {
                    problems.append(AuditProblem(entryID: entry.id, problem: "does not match its hash: it was edited"))
                }
                lastHash = entry.hash
                problems += replay.apply(entry)
            }
            problems += try replay.compare(with: ParticipantTables.fetchAll(db, includeDeleted: true))
            problems += try Self.studyProblems(db, creation: replay.creation)
            return AuditVerification(entryCount: count, headHash: lastHash, problems: problems)
        }
    }

    private static func studyProblems(_ db: Database, creation: [String: String]?) throws -> [AuditProblem] {
        guard let creation else { return [AuditProblem(problem: "the log has no study-creation entry")] }
        guard let study = try Row.fetchOne(db, sql: "SELECT protocol_text, protocol_digest, seed, algorithm FROM study")
        else { return [AuditProblem(problem: "the study row is missing")] }
        var problems: [AuditProblem] = []
        let text: String = study[0], digest: String = study[1]
        if ![text, "\u{FEFF}" + text].contains(where: { Digest.sha256Hex(of: Data($0.utf8)) == digest }) {
            problems.append(AuditProblem(field: "protocol_text", problem: "does not match the stored protocol digest"))
        }
        let assignments = try Row.fetchAll(db, sql: "SELECT id, sequence_index FROM site ORDER BY position")
            .map { "\($0[0] as String)=\($0[1] as Int)" }.joined(separator: ",")
        let stored = ["protocol_digest": digest, "seed": study[2], "algorithm": study[3], "assignments": assignments]
        for (key, value) in stored.sorted(by: { $0.key < $1.key }) where creation[key] != value {
            problems.append(AuditProblem(field: key, problem: "differs from what the study-creation entry recorded"))
        }
        return problems
    }
}
