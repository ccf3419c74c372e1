// SPDX-License-Identifier: Apache-2.0

import Foundation
package import WedgeCore

/// Checks an audit log entry by entry, then compares its replay with the stored tables: the one verifier both
/// engines use (see ``StudyStore/verifyAuditChain()``).
///
/// Finds: an entry edited in place (its hash no longer matches), removed or reordered entries (ids with a gap, a
/// `prev_hash` that does not match), participant data changed outside Wedge (the tables differ from the replayed
/// log), and a study row or site assignment that differs from what the creation entry recorded.
package struct AuditChainVerifier {
    private var problems: [AuditProblem] = []
    private var replay = AuditReplay()
    private var count = 0
    private var lastHash = AuditChain.genesis

    /// A verifier that has seen no entry.
    package init() {}

    /// Checks the next entry of the log, in id order.
    package mutating func check(_ entry: AuditEntry) {
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

    /// The verification, after comparing the replayed log with the stored participants and screenings (deleted
    /// ones included), adverse events, study row and sites.
    package func finish(
        participants: [StoredParticipant], adverseEvents: [AdverseEventRow], study: StudyRow?, sites: [SiteRow],
        screenings: [ScreeningRecord]
    ) -> AuditVerification {
        var all = problems
        all += replay.compare(with: participants)
        all += replay.compare(screenings: screenings)
        all += replay.compare(adverseEvents: adverseEvents.map(\.state))
        all += studyProblems(study, sites: sites)
        return AuditVerification(entryCount: count, headHash: lastHash, problems: all)
    }

    /// The verification of a whole dump.
    package static func verify(_ dump: StudyDump) -> AuditVerification {
        var verifier = AuditChainVerifier()
        for entry in dump.auditLog { verifier.check(entry) }
        return verifier.finish(participants: dump.participants, adverseEvents: dump.adverseEvents, study: dump.study,
                               sites: dump.sites, screenings: dump.screenings)
    }

    private func studyProblems(_ study: StudyRow?, sites: [SiteRow]) -> [AuditProblem] {
        guard let creation = replay.creation else {
            return [AuditProblem(problem: "the log has no study-creation entry", table: "audit_log")]
        }
        guard let study else { return [AuditProblem(problem: "the study row is missing", table: "study")] }
        var problems: [AuditProblem] = []
        let text = study.protocolText
        if ![text, "\u{FEFF}" + text].contains(where: { Digest.sha256Hex(of: Data($0.utf8)) == study.protocolDigest }) {
            problems.append(AuditProblem(field: "protocol_text", problem: "does not match the stored protocol digest",
                                         table: "study", row: study.id))
        }
        let stored = ["protocol_digest": study.protocolDigest, "seed": study.seed, "algorithm": study.algorithm,
                      "assignments": SiteRow.assignmentText(sites)]
        for (key, value) in stored.sorted(by: { $0.key < $1.key }) where creation[key] != value {
            problems.append(AuditProblem(field: key, problem: "differs from what the study-creation entry recorded",
                                         table: key == "assignments" ? "site" : "study", row: study.id))
        }
        return problems
    }
}
