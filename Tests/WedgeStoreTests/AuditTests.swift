// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore

@Suite("The audit trail")
struct AuditTests {
    /// A store with the three fixture participants and one correction.
    private func seeded(_ kind: StoreKind = .memory) throws -> (StudyStore, TemporaryDirectory?) {
        let (store, directory) = try StoreFixture.makeStore(kind)
        try store.importParticipants(try StoreFixture.threeParticipants(try store.fetchSchedule()),
                                     source: "sites.csv", actor: "tester")
        try store.correct(participantID: "P001", field: "age", value: "35", reason: "birth date checked",
                          actor: "monitor", today: StoreFixture.today)
        return (store, directory)
    }

    @Test("the hash follows the documented definition (vectors computed independently with Python hashlib)")
    func hashVectors() {
        let first = AuditChain.canonicalText(
            id: 1, at: "2024-05-01T09:30:00Z", actor: "wedge", action: "create-study", table: "study",
            recordID: "ctn-0097", field: nil, oldValue: nil, newValue: "{}", reason: nil)
        #expect(first == "wedge-audit/1\n1\n+20:2024-05-01T09:30:00Z\n+5:wedge\n+12:create-study\n+5:study\n+8:ctn-0097\n-\n-\n+2:{}\n-")
        #expect(AuditChain.hash(previous: AuditChain.genesis, canonicalText: first)
                == "f04ca88bda8877025510a5aacb4caaa6eb9d54cf93cc57fe2b7cbfc73a61dbbd")
        let second = AuditChain.canonicalText(
            id: 2, at: "t", actor: "ä", action: "correct", table: "induction", recordID: "P1", field: "f",
            oldValue: "old\nline", newValue: "", reason: nil)
        #expect(AuditChain.hash(previous: String(repeating: "a", count: 64), canonicalText: second)
                == "8165ed7ca7faecc8f255961b8322f8c431fdface1903d89c5a12142379205a9b")
    }

    @Test("an untouched chain verifies, and entries link hash to hash", arguments: StoreKind.allCases)
    func intactChain(kind: StoreKind) throws {
        let (store, directory) = try seeded(kind)
        let trail = try store.auditTrail(participantID: nil)
        let verification = try store.verifyAuditChain()
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(verification.entryCount == trail.count && verification.headHash == trail.last?.hash)
        #expect(trail.map(\.id) == Array(1...Int64(trail.count)))
        for (previous, entry) in zip(trail, trail.dropFirst()) { #expect(entry.previousHash == previous.hash) }
        #expect(trail.first?.previousHash == AuditChain.genesis)
        _ = directory
    }

    @Test("triggers refuse UPDATE and DELETE of audit rows, and DELETE of participants")
    func triggersBlockEdits() throws {
        let (store, _) = try seeded()
        for sql in ["UPDATE audit_log SET reason = 'x' WHERE id = 2", "DELETE FROM audit_log WHERE id = 2",
                    "DELETE FROM participant WHERE id = 'P001'", "UPDATE study SET seed = 'x'",
                    "UPDATE site SET sequence_index = 0"] {
            let error = #expect(throws: StoreError.self, "\(sql)") { try store.executeUncheckedSQL(sql) }
            guard case .database(_, _, let code, let extended) = error else {
                Issue.record("expected a database error for \(sql), got \(String(describing: error))")
                continue
            }
            #expect(code == 19 && extended == 1811)  // SQLITE_CONSTRAINT_TRIGGER
        }
        #expect(try store.verifyAuditChain().isIntact)
    }

    @Test("editing a past audit row is detected", arguments: StoreKind.allCases)
    func editedEntryDetected(kind: StoreKind) throws {
        let (store, directory) = try seeded(kind)
        let target = try #require(try store.auditTrail(participantID: "P001").last)
        try store.executeUncheckedSQL("DROP TRIGGER audit_log_no_update")
        try store.executeUncheckedSQL("UPDATE audit_log SET old_value = '99' WHERE id = \(target.id)")
        let verification = try store.verifyAuditChain()
        #expect(!verification.isIntact)
        #expect(verification.problems.contains { $0.entryID == target.id && $0.problem.contains("hash") })
        _ = directory
    }

    @Test("rewriting a row with a recomputed hash still breaks the chain")
    func recomputedHashDetected() throws {
        let (store, _) = try seeded()
        let target = try #require(try store.auditTrail(participantID: "P001").first)
        var forged = target
        forged.reason = "nothing to see"
        forged.hash = AuditChain.expectedHash(of: forged)
        try store.executeUncheckedSQL("DROP TRIGGER audit_log_no_update")
        try store.executeUncheckedSQL(
            "UPDATE audit_log SET reason = 'nothing to see', hash = '\(forged.hash)' WHERE id = \(target.id)")
        let problems = try store.verifyAuditChain().problems
        #expect(problems.contains { $0.entryID == target.id + 1 && $0.problem.contains("chain") })
    }

    @Test("removing the last row is invisible to the chain alone, but changes the head hash")
    func truncatedTail() throws {
        let (store, _) = try seeded()
        let before = try store.verifyAuditChain()
        try store.executeUncheckedSQL("DROP TRIGGER audit_log_no_delete")
        try store.executeUncheckedSQL("DELETE FROM audit_log WHERE id = \(before.entryCount)")
        let after = try store.verifyAuditChain()
        #expect(after.entryCount == before.entryCount - 1 && after.headHash != before.headHash)
        // The replay still notices: the correction it recorded is no longer in the log.
        #expect(after.problems.contains { $0.participantID == "P001" && $0.field == "age" })
    }

    @Test("removing a middle audit row is detected")
    func removedEntryDetected() throws {
        let (store, _) = try seeded()
        try store.executeUncheckedSQL("DROP TRIGGER audit_log_no_delete")
        try store.executeUncheckedSQL("DELETE FROM audit_log WHERE id = 3")
        let problems = try store.verifyAuditChain().problems
        #expect(problems.contains { $0.entryID == 4 && $0.problem.contains("missing") })
        #expect(problems.contains { $0.entryID == 4 && $0.problem.contains("chain") })
    }

    @Test("participant data changed outside Wedge is detected by replaying the log")
    func dataTamperingDetected() throws {
        let (store, _) = try seeded()
        try store.executeUncheckedSQL("UPDATE induction SET first_injection_date = NULL WHERE participant_id = 'P003'")
        try store.executeUncheckedSQL("UPDATE baseline_value SET value = '70' WHERE participant_id = 'P001' AND covariate = 'age'")
        try store.executeUncheckedSQL("UPDATE participant SET is_deleted = 1 WHERE id = 'P002'")
        let problems = try store.verifyAuditChain().problems
        #expect(problems.contains { $0.participantID == "P003" && $0.field == "first_injection_date" })
        #expect(problems.contains { $0.participantID == "P001" && $0.field == "age" })
        #expect(problems.contains { $0.participantID == "P002" && $0.field == "deleted" })
        #expect(problems.allSatisfy { !$0.description.contains("70") })
    }

    @Test("a changed seed or site assignment is detected")
    func studyTamperingDetected() throws {
        let (store, _) = try seeded()
        try store.executeUncheckedSQL("DROP TRIGGER study_no_update")
        try store.executeUncheckedSQL("UPDATE study SET seed = 'lucky'")
        let problems = try store.verifyAuditChain().problems
        #expect(problems.map(\.field) == ["seed"])
    }

    @Test("the per-participant trail holds only that participant's entries, oldest first")
    func participantTrail() throws {
        let (store, _) = try seeded()
        let trail = try store.auditTrail(participantID: "P001")
        #expect(trail.map(\.action) == [.insert, .correct])
        #expect(trail.allSatisfy { $0.recordID == "P001" })
        #expect(trail[1].oldValue == "34" && trail[1].newValue == "35" && trail[1].table == "baseline_value")
        #expect(try store.auditTrail(participantID: "nobody").isEmpty)
    }
}
