// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore

/// Enrollment, outcome recording and adverse events through the store, in memory and in a WAL file.
@Suite("Recording participants, outcomes and adverse events")
struct RecorderStoreTests {
    private static func bare(_ id: String, site: String = "unit-a", admitted: String = "2021-04-01") -> ParticipantRecord {
        ParticipantRecord(id: id, siteID: site, admissionDate: StoreFixture.date(admitted),
                          baseline: ["age": "40", "sex": "male"])
    }

    @Test("enroll stamps the condition from the schedule and writes one insert entry", arguments: StoreKind.allCases)
    func enrollStamps(kind: StoreKind) throws {
        let (store, directory) = try StoreFixture.makeStore(kind)
        let schedule = try store.fetchSchedule()
        let site = StoreFixture.site(sequence: 1, in: schedule)  // SRRRR
        let (early, _) = try store.enroll(Self.bare("E1", site: site, admitted: "2021-04-01"), actor: "coord", today: StoreFixture.today)
        let (late, _) = try store.enroll(Self.bare("E2", site: site, admitted: "2021-08-01"), actor: "coord", today: StoreFixture.today)
        #expect(early.conditionID == "standard" && early.period == 0)
        #expect(late.conditionID == "rapid" && late.period == 1)
        let trail = try store.auditTrail(participantID: "E1")
        #expect(trail.map(\.action) == [.insert] && trail[0].actor == "coord")
        #expect(try store.verifyAuditChain().isIntact)
        _ = directory
    }

    @Test("enroll refuses an unknown site, an admission outside the window and a reused id, writing nothing")
    func enrollRefuses() throws {
        let (store, _) = try StoreFixture.makeStore(.memory)
        _ = try store.enroll(Self.bare("E1"), actor: "coord", today: StoreFixture.today)
        let count = try store.auditTrail(participantID: nil).count
        for (record, field) in [(Self.bare("E2", site: "unit-z"), "site_id"), (Self.bare("E3", admitted: "2019-01-01"), "admission_date"),
                                (Self.bare("E1", site: "unit-b"), "participant_id")] {
            let error = #expect(throws: StoreError.self) { try store.enroll(record, actor: "coord", today: StoreFixture.today) }
            guard case .dataRejected(let data) = error else { Issue.record("unexpected \(String(describing: error))"); continue }
            #expect(data.issues.map(\.field).contains(field))
        }
        #expect(try store.auditTrail(participantID: nil).count == count)
        #expect(try store.participantCount() == 1)
    }

    @Test("a transition admission is enrolled, flagged, and left out of the primary analysis as the protocol says")
    func transition() throws {
        let (store, _) = try StoreFixture.makeStore(.memory, loaded: try StoreFixture.loadedWithTransition())
        let schedule = try store.fetchSchedule()
        let site = StoreFixture.site(sequence: 1, in: schedule)
        let crossover = try #require(schedule.crossovers(of: site).first).date
        let record = Self.bare("T1", site: site, admitted: crossover.adding(days: 3).iso)
        let (enrollment, flags) = try store.enroll(record, actor: "coord", today: StoreFixture.today)
        #expect(enrollment.isTransition && !enrollment.isInPrimaryAnalysis && flags == [.transitionAdmission])
    }

    @Test("record fills empty fields, recomputes flags, and is audited field by field", arguments: StoreKind.allCases)
    func recordFills(kind: StoreKind) throws {
        let (store, directory) = try StoreFixture.makeStore(kind)
        let (enrollment, _) = try store.enroll(Self.bare("R1"), actor: "coord", today: StoreFixture.today)
        let other = enrollment.conditionID == "rapid" ? "standard" : "rapid"
        let result = try store.recordOutcomes(participantID: "R1", [
            .inductionStartDate: "2021-04-02", .procedureReceived: other, .firstInjectionDate: "2021-04-08",
        ], actor: "nurse", today: StoreFixture.today)
        #expect(result.recorded == [.inductionStartDate, .procedureReceived, .firstInjectionDate])
        #expect(result.flags == [.deviation])
        let trail = try store.auditTrail(participantID: "R1")
        #expect(trail.map(\.action) == [.insert, .record, .record, .record, .restamp])
        #expect(trail[1].oldValue == nil && trail[1].newValue == "2021-04-02" && trail[1].actor == "nurse")
        // The same value again changes nothing; a different one is refused.
        let again = try store.recordOutcomes(participantID: "R1", [.firstInjectionDate: "2021-04-08"], actor: "nurse",
                                             today: StoreFixture.today)
        #expect(again.recorded.isEmpty)
        #expect(throws: StoreError.alreadyRecorded(participantID: "R1", field: "first_injection_date")) {
            try store.recordOutcomes(participantID: "R1", [.firstInjectionDate: "2021-04-09"], actor: "nurse", today: StoreFixture.today)
        }
        #expect(try store.auditTrail(participantID: "R1").count == trail.count)
        #expect(try store.verifyAuditChain().isIntact)
        _ = directory
    }

    @Test("record refuses a rule break or a malformed value and writes nothing; values show by shape")
    func recordRefuses() throws {
        let (store, _) = try StoreFixture.makeStore(.memory)
        _ = try store.enroll(Self.bare("R1"), actor: "coord", today: StoreFixture.today)
        let before = try store.fetchSnapshot(dataLockDate: StoreFixture.today)
        let cases: [[ParticipantField: String]] = [
            [.secondInjectionDate: "2021-05-01"],                       // no first injection
            [.firstInjectionDate: "2021-03-01"],                        // before admission
            [.firstInjectionDate: "08/04/2021", .dischargeDate: "x"],   // malformed
            [.notInitiatedReason: "bored"],                             // not a protocol reason
            [.dischargeDate: "2099-01-01"],                             // future
        ]
        for values in cases {
            let error = #expect(throws: StoreError.self) {
                try store.recordOutcomes(participantID: "R1", values, actor: "nurse", today: StoreFixture.today)
            }
            let text = error?.errorDescription ?? ""
            #expect(!text.isEmpty && !text.contains("08/04/2021"))
        }
        #expect(throws: StoreError.participantNotFound(id: "nobody")) {
            try store.recordOutcomes(participantID: "nobody", [.dischargeDate: "2021-04-05"], actor: "n", today: StoreFixture.today)
        }
        #expect(try store.fetchSnapshot(dataLockDate: StoreFixture.today) == before)
    }

    @Test("adverse events are stored, audited, in the snapshot, and checked by verification", arguments: StoreKind.allCases)
    func adverseEvents(kind: StoreKind) throws {
        let (store, directory) = try StoreFixture.makeStore(kind)
        _ = try store.enroll(Self.bare("A1"), actor: "coord", today: StoreFixture.today)
        let event = try store.recordAdverseEvent(participantID: "A1", date: StoreFixture.date("2021-04-03"),
                                                 description: "nausea", isSerious: true, actor: "nurse", today: StoreFixture.today)
        #expect(event.id == 1)
        #expect(try store.fetchSnapshot(dataLockDate: StoreFixture.today).adverseEvents == [event])
        #expect(try store.auditTrail(participantID: "A1").last?.action == .adverseEvent)
        #expect(try store.verifyAuditChain().isIntact)
        #expect(throws: StoreError.self) {
            try store.recordAdverseEvent(participantID: "A1", date: StoreFixture.date("2021-03-01"), description: "x",
                                         isSerious: false, actor: "nurse", today: StoreFixture.today)
        }
        #expect(throws: StoreError.self) {
            try store.recordAdverseEvent(participantID: "A1", date: StoreFixture.date("2021-04-03"), description: "  ",
                                         isSerious: false, actor: "nurse", today: StoreFixture.today)
        }
        try store.executeUncheckedSQL("UPDATE adverse_event SET serious = 0")
        let problems = try store.verifyAuditChain().problems
        #expect(problems.contains { $0.table == "adverse_event" && $0.row == "1" && $0.field == "serious" })
        try store.executeUncheckedSQL("DELETE FROM adverse_event")
        #expect(try store.verifyAuditChain().problems.contains { $0.table == "adverse_event" })
        _ = directory
    }

    @Test("verification names the table and row of a broken entry")
    func brokenEntryLocation() throws {
        let (store, _) = try StoreFixture.makeStore(.memory)
        _ = try store.enroll(Self.bare("V1"), actor: "coord", today: StoreFixture.today)
        try store.executeUncheckedSQL("UPDATE induction SET discharge_date = '2021-04-09' WHERE participant_id = 'V1'")
        let problem = try #require(try store.verifyAuditChain().problems.first)
        #expect(problem.table == "induction" && problem.row == "V1" && problem.field == "discharge_date")
        #expect(try store.checkIntegrity().isEmpty)
    }

    @Test("a streamed import stores what the producer hands over, or nothing when it throws", arguments: StoreKind.allCases)
    func streamedImport(kind: StoreKind) throws {
        let (store, directory) = try StoreFixture.makeStore(kind)
        let schedule = try store.fetchSchedule()
        let rows = try StoreFixture.threeParticipants(schedule)
        #expect(throws: DataFileError.self) {
            _ = try store.importParticipants(source: "a.csv", actor: "tester") { insert in
                for (enrollment, flags) in rows { #expect(try insert(enrollment, flags).isEmpty) }
                throw DataFileError(issues: [DataIssue(field: "x", problem: "is bad", expected: "Fix it.")])
            }
        }
        #expect(try store.participantCount() == 0)
        #expect(try store.auditTrail(participantID: nil).count == 1)
        let stored = try store.importParticipants(source: "a.csv", actor: "tester") { insert in
            for (enrollment, flags) in rows { _ = try insert(enrollment, flags) }
            let again = try insert(rows[0].enrollment, rows[0].flags)
            #expect(again.map(\.field) == ["participant_id"])
        }
        #expect(stored == 3)
        #expect(try store.auditTrail(participantID: nil).map(\.action) == [.createStudy, .insert, .insert, .insert, .importBatch])
        #expect(try store.verifyAuditChain().isIntact)
        _ = directory
    }
}
