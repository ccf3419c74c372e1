// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore

@Suite("Importing participants")
struct ImportTests {
    @Test("imported participants read back exactly, ordered by id, with their flags", arguments: StoreKind.allCases)
    func roundTrip(kind: StoreKind) throws {
        let (store, directory) = try StoreFixture.makeStore(kind)
        let schedule = try store.fetchSchedule()
        var records = [StoreFixture.record("P010", site: "unit-d", admitted: "2022-05-02"),
                       StoreFixture.record("P001"), StoreFixture.nonInitiator("P005")]
        records[0].outcome.procedureReceived = schedule.cell(siteID: "unit-d", on: StoreFixture.date("2022-05-02"))!
            .conditionID == "rapid" ? "standard" : "rapid"
        records[1].outcome.secondInjectionDate = records[1].admissionDate.adding(days: 60)  // outside window
        records[1].outcome.thirdInjectionDate = nil
        let rows = try StoreFixture.enroll(records, schedule: schedule)
        try store.importParticipants(rows, source: "sites.csv", actor: "tester")

        let snapshot = try store.fetchSnapshot(dataLockDate: StoreFixture.today)
        #expect(snapshot.enrollments == rows.map(\.enrollment).sorted { $0.record.id < $1.record.id })
        #expect(snapshot.dataLockDate == StoreFixture.today)
        #expect(snapshot.schedule == schedule)
        let flags = try store.fetchFlags()
        #expect(flags["P010"] == [.deviation])
        #expect(flags["P001"] == [.secondInjectionOutsideWindow])
        #expect(flags["P005"] == nil)

        let trail = try store.auditTrail(participantID: nil)
        #expect(trail.map(\.action) == [.createStudy, .importBatch, .insert, .insert, .insert])
        #expect(trail[1].newValue == "sites.csv" && trail[1].actor == "tester")
        #expect(try store.auditTrail(participantID: "P005").map(\.action) == [.insert])
        #expect(try store.verifyAuditChain().isIntact)
        _ = directory
    }

    @Test("a participant id already stored refuses the whole import", arguments: StoreKind.allCases)
    func duplicateRefused(kind: StoreKind) throws {
        let (store, directory) = try StoreFixture.makeStore(kind)
        let schedule = try store.fetchSchedule()
        try store.importParticipants(try StoreFixture.threeParticipants(schedule), source: "first.csv", actor: "tester")
        let auditBefore = try store.auditTrail(participantID: nil).count

        let second = try StoreFixture.enroll([StoreFixture.record("P100"), StoreFixture.record("P002", site: "unit-e")],
                                             schedule: schedule)
        let error = #expect(throws: StoreError.self) {
            try store.importParticipants(second, source: "second.csv", actor: "tester")
        }
        guard case .dataRejected(let data) = error else {
            Issue.record("expected dataRejected, got \(String(describing: error))")
            return
        }
        #expect(data.issues.map(\.participantID) == ["P002"])
        #expect(data.issues.first?.file == "second.csv")
        #expect(data.issues.first?.field == "participant_id")
        let snapshot = try store.fetchSnapshot(dataLockDate: StoreFixture.today)
        #expect(snapshot.enrollments.map(\.record.id) == ["P001", "P002", "P003"])
        #expect(snapshot.enrollments.first { $0.record.id == "P002" }?.record.siteID == "unit-b")
        #expect(try store.auditTrail(participantID: nil).count == auditBefore)
        _ = directory
    }

    @Test("a participant repeated within one import is refused")
    func repeatedInBatch() throws {
        let (store, _) = try StoreFixture.makeStore(.memory)
        let rows = try StoreFixture.enroll([StoreFixture.record("P1"), StoreFixture.record("P1", site: "unit-b")],
                                           schedule: try store.fetchSchedule())
        #expect(throws: StoreError.self) { try store.importParticipants(rows, source: "x.csv", actor: "tester") }
        #expect(try store.fetchSnapshot(dataLockDate: StoreFixture.today).enrollments.isEmpty)
        #expect(try store.auditTrail(participantID: nil).count == 1)
    }

    @Test("an enrollment stamped with the wrong condition is refused")
    func stampMismatch() throws {
        let (store, _) = try StoreFixture.makeStore(.memory)
        var rows = try StoreFixture.enroll([StoreFixture.record("P1")], schedule: try store.fetchSchedule())
        rows[0].enrollment.conditionID = rows[0].enrollment.conditionID == "rapid" ? "standard" : "rapid"
        let error = #expect(throws: StoreError.self) { try store.importParticipants(rows, source: "x.csv", actor: "tester") }
        guard case .dataRejected(let data) = error else {
            Issue.record("expected dataRejected, got \(String(describing: error))")
            return
        }
        #expect(data.issues.first?.field == "condition")
    }

    @Test("an import needs an actor; an empty import writes nothing")
    func actorAndEmpty() throws {
        let (store, _) = try StoreFixture.makeStore(.memory)
        let rows = try StoreFixture.threeParticipants(try store.fetchSchedule())
        #expect(throws: StoreError.actorRequired) { try store.importParticipants(rows, source: "x.csv", actor: "  ") }
        try store.importParticipants([], source: "x.csv", actor: "tester")
        #expect(try store.auditTrail(participantID: nil).count == 1)
    }

    @Test("transition admissions keep their stamps and flags")
    func transitions() throws {
        let loaded = try StoreFixture.loadedWithTransition()
        let (store, _) = try StoreFixture.makeStore(.memory, loaded: loaded)
        let schedule = try store.fetchSchedule()
        let crossover = try #require(schedule.allCrossovers.first)
        let rows = try StoreFixture.enroll([StoreFixture.record("T1", site: crossover.siteID, admitted: crossover.date.iso)],
                                           schedule: schedule)
        #expect(rows[0].enrollment.isTransition && !rows[0].enrollment.isInPrimaryAnalysis)
        try store.importParticipants(rows, source: "t.csv", actor: "tester")
        #expect(try store.fetchSnapshot(dataLockDate: StoreFixture.today).enrollments == rows.map(\.enrollment))
        #expect(try store.fetchFlags()["T1"] == [.transitionAdmission])
    }

    @Test("a bulk import of 5,000 participants is one all-or-nothing transaction")
    func bulk() throws {
        let (store, directory) = try StoreFixture.makeStore(.file)
        let schedule = try store.fetchSchedule()
        let sites = schedule.protocol.sites.map(\.id)
        let start = schedule.protocol.calendar.startDate
        let records = (0..<5_000).map { i in
            StoreFixture.record(String(format: "B%05d", i), site: sites[i % sites.count],
                                admitted: start.adding(days: i % 300).iso)
        }
        let rows = try StoreFixture.enroll(records, schedule: schedule)
        try store.importParticipants(rows, source: "bulk.csv", actor: "tester")
        let snapshot = try store.fetchSnapshot(dataLockDate: StoreFixture.today)
        #expect(snapshot.enrollments == rows.map(\.enrollment))
        let verification = try store.verifyAuditChain()
        #expect(verification.isIntact && verification.entryCount == 5_002)
        _ = directory
    }
}
