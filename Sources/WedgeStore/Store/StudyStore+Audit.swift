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
                                                            'participant_flag', 'adverse_event')
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
                var found: [AuditProblem] = []
                if entry.id != Int64(count) {
                    found.append(AuditProblem(entryID: entry.id, problem: "follows entry \(count - 1): entries are missing"))
                }
                if entry.previousHash != lastHash {
                    found.append(AuditProblem(entryID: entry.id, problem:
                        "does not chain to the entry before it: an entry was removed, inserted or rewritten"))
                }
                if AuditChain.expectedHash(of: entry) != entry.hash {
                    found.append(AuditProblem(entryID: entry.id, problem: "does not match its hash: it was edited"))
                }
                lastHash = entry.hash
                found += replay.apply(entry)
                for var problem in found {
                    problem.table = problem.table ?? entry.table
                    problem.row = problem.row ?? entry.recordID
                    problems.append(problem)
                }
            }
            problems += try replay.compare(with: ParticipantTables.fetchAll(db, includeDeleted: true))
            problems += try replay.compare(adverseEvents: AdverseEventRow.fetchAll(db).map(\.state))
            problems += try Self.studyProblems(db, creation: replay.creation)
            return AuditVerification(entryCount: count, headHash: lastHash, problems: problems)
        }
    }

    private static func studyProblems(_ db: Database, creation: [String: String]?) throws -> [AuditProblem] {
        guard let creation else { return [AuditProblem(problem: "the log has no study-creation entry", table: "audit_log")] }
        guard let study = try Row.fetchOne(db, sql: "SELECT id, protocol_text, protocol_digest, seed, algorithm FROM study")
        else { return [AuditProblem(problem: "the study row is missing", table: "study")] }
        var problems: [AuditProblem] = []
        let studyID: String = study[0], text: String = study[1], digest: String = study[2]
        if ![text, "\u{FEFF}" + text].contains(where: { Digest.sha256Hex(of: Data($0.utf8)) == digest }) {
            problems.append(AuditProblem(field: "protocol_text", problem: "does not match the stored protocol digest",
                                         table: "study", row: studyID))
        }
        let assignments = try Row.fetchAll(db, sql: "SELECT id, sequence_index FROM site ORDER BY position")
            .map { "\($0[0] as String)=\($0[1] as Int)" }.joined(separator: ",")
        let stored = ["protocol_digest": digest, "seed": study[3], "algorithm": study[4], "assignments": assignments]
        for (key, value) in stored.sorted(by: { $0.key < $1.key }) where creation[key] != value {
            problems.append(AuditProblem(field: key, problem: "differs from what the study-creation entry recorded",
                                         table: key == "assignments" ? "site" : "study", row: studyID))
        }
        return problems
    }
}
