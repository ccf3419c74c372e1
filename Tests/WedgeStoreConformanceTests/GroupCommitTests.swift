// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore
@testable import WedgeStorePostgres
import WedgeTestSupport
import WedgeTestSupportPostgres

/// `commit`, the server's group commit: many writes in one transaction, each refused or kept on its own, the
/// same on both engines.
@Suite("Store: group commit on both engines")
struct GroupCommitTests {
    @Test("A refused write in a group leaves nothing and the others are stored; versions follow within the group",
          arguments: Engine.available)
    func group(engine: Engine) async throws {
        let (store, _) = try await ConformanceFixture.makeStore(engine)
        let today = ConformanceFixture.today
        let first = ConformanceFixture.admitted("G1")
        let requests = [
            StudyWriteRequest(.enroll(first), actor: "alice", today: today),
            // Refused: an id already in the group.
            StudyWriteRequest(.enroll(first), actor: "bob", today: today),
            // Refused: a date rule (admission in the future), after a valid change to G1 in the same group.
            StudyWriteRequest(.recordOutcomes(participantID: "G1", values: [.inductionStartDate: "2021-09-02"], ifVersion: nil),
                              actor: "carol", today: today),
            StudyWriteRequest(.enroll(ConformanceFixture.admitted("G2", admitted: "2099-01-01")), actor: "dave", today: today),
            // Refused: a stale version (G1 changed twice in this group already).
            StudyWriteRequest(.correct(participantID: "G1", field: "age", value: "50", reason: "typo", ifVersion: 1),
                              actor: "erin", today: today),
            StudyWriteRequest(.adverseEvent(participantID: "G1", date: CivilDate(iso: "2021-09-03")!, description: "headache",
                                            isSerious: false), actor: "frank", today: today),
        ]
        let results = try await store.commit(requests)
        #expect(results.count == requests.count)
        let kept = results.map { (try? $0.get()) != nil }
        #expect(kept == [true, false, true, false, false, true])
        // The stale write is told the version the earlier write of the same group left, and given the participant as
        // that write left it.
        let written = try results[2].get().participant
        #expect(written.enrollment.record.outcome.inductionStartDate?.iso == "2021-09-02")
        if case .failure(let error) = results[4] {
            #expect(error == .versionConflict(participantID: "G1", current: written.version, participant: written))
        } else {
            Issue.record("the stale write was not refused")
        }
        // Versions in the results follow the audit entries of the group.
        let versions = results.compactMap { try? $0.get().participant.version }
        #expect(versions == versions.sorted() && Set(versions).count == versions.count)
        #expect(try results[5].get().adverseEvent?.description == "headache")
        // What was stored is what was kept, and the chain verifies.
        let log = try await store.auditTrail(participantID: nil)
        #expect(Set(log.map(\.actor)).isSuperset(of: ["alice", "carol", "frank"]))
        #expect(log.allSatisfy { !["bob", "dave", "erin"].contains($0.actor) })
        #expect(try await store.participant("G2") == nil)
        let stored = try #require(try await store.participant("G1"))
        #expect(stored.version == versions.last)
        #expect(stored.enrollment.record.outcome.inductionStartDate?.iso == "2021-09-02")
        #expect(try await store.verifyAuditChain().isIntact)
        await store.close()
    }

    @Test("A write's idempotent answer is stored by its own transaction; a refused write's key stays reserved",
          arguments: Engine.available)
    func idempotentAnswer(engine: Engine) async throws {
        let (store, _) = try await ConformanceFixture.makeStore(engine)
        let state = store.serverState, at = "2021-09-01T12:00:00Z"
        for key in ["k1", "k2"] {
            #expect(try await state.claimIdempotencyKey(username: "coord", key: key, requestHash: "h-" + key, at: at) == .claimed)
        }
        let render: @Sendable (StudyWriteResult) -> (status: Int, response: String)? = { result in
            (201, "enrolled \(result.participant.enrollment.record.id) at version \(result.participant.version)")
        }
        let today = ConformanceFixture.today
        let results = try await store.commit([
            StudyWriteRequest(.enroll(ConformanceFixture.admitted("I1")), actor: "alice", today: today,
                              answer: IdempotentAnswer(username: "coord", key: "k1", render: render)),
            // Refused (the id is taken): nothing is stored for its key.
            StudyWriteRequest(.enroll(ConformanceFixture.admitted("I1")), actor: "bob", today: today,
                              answer: IdempotentAnswer(username: "coord", key: "k2", render: render)),
            StudyWriteRequest(.enroll(ConformanceFixture.admitted("I2")), actor: "carol", today: today),
        ])
        let written = try results[0].get()
        #expect(written.answered)
        #expect((try? results[1].get()) == nil)
        #expect(try results[2].get().answered == false)
        #expect(try await state.claimIdempotencyKey(username: "coord", key: "k1", requestHash: "h-k1", at: at)
            == .replay(status: 201, response: "enrolled I1 at version \(written.participant.version)"))
        #expect(try await state.claimIdempotencyKey(username: "coord", key: "k2", requestHash: "h-k2", at: at) == .inFlight)
        await store.close()
    }
}
