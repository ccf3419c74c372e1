// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore

@Suite("Correcting and deleting participants")
struct CorrectionTests {
    /// A store with the three fixture participants.
    private func seeded(_ kind: StoreKind = .memory) throws -> (StudyStore, Schedule, TemporaryDirectory?) {
        let (store, directory) = try StoreFixture.makeStore(kind)
        let schedule = try store.fetchSchedule()
        try store.importParticipants(try StoreFixture.threeParticipants(schedule), source: "sites.csv", actor: "tester")
        return (store, schedule, directory)
    }

    private func participant(_ id: String, in store: StudyStore) throws -> Enrollment? {
        try store.fetchSnapshot(dataLockDate: StoreFixture.today).enrollments.first { $0.record.id == id }
    }

    @Test("a correction with a reason changes the field and keeps the old value in the audit trail",
          arguments: StoreKind.allCases)
    func correctWithReason(kind: StoreKind) throws {
        let (store, _, directory) = try seeded(kind)
        let before = try #require(try participant("P001", in: store))
        try store.correct(participantID: "P001", field: "discharge_date", value: "2021-04-12",
                          reason: "transcription error", actor: "monitor", today: StoreFixture.today)
        let after = try #require(try participant("P001", in: store))
        #expect(after.record.outcome.dischargeDate == StoreFixture.date("2021-04-12"))
        var expected = before
        expected.record.outcome.dischargeDate = StoreFixture.date("2021-04-12")
        #expect(after == expected)
        let entry = try #require(try store.auditTrail(participantID: "P001").last)
        #expect(entry.action == .correct && entry.table == "induction" && entry.field == "discharge_date")
        #expect(entry.oldValue == before.record.outcome.dischargeDate?.iso && entry.newValue == "2021-04-12")
        #expect(entry.reason == "transcription error" && entry.actor == "monitor")
        #expect(try store.verifyAuditChain().isIntact)
        _ = directory
    }

    @Test("a correction without a reason is refused and writes nothing")
    func correctWithoutReason() throws {
        let (store, _, _) = try seeded()
        let before = try store.fetchSnapshot(dataLockDate: StoreFixture.today)
        let count = try store.auditTrail(participantID: nil).count
        #expect(throws: StoreError.reasonRequired(participantID: "P001")) {
            try store.correct(participantID: "P001", field: "age", value: "40", reason: " ", actor: "monitor",
                              today: StoreFixture.today)
        }
        #expect(try store.fetchSnapshot(dataLockDate: StoreFixture.today) == before)
        #expect(try store.auditTrail(participantID: nil).count == count)
    }

    @Test("a correction that breaks a rule is refused and changes nothing")
    func correctionBreakingRule() throws {
        let (store, _, _) = try seeded()
        let before = try store.fetchSnapshot(dataLockDate: StoreFixture.today)
        let count = try store.auditTrail(participantID: nil).count
        let error = #expect(throws: StoreError.self) {
            try store.correct(participantID: "P001", field: "second_injection_date", value: "2021-04-02",
                              reason: "typo", actor: "monitor", today: StoreFixture.today)
        }
        guard case .dataRejected(let data) = error else {
            Issue.record("expected dataRejected, got \(String(describing: error))")
            return
        }
        #expect(data.issues.contains { $0.field == "second_injection_date" && $0.participantID == "P001" })
        #expect(try store.fetchSnapshot(dataLockDate: StoreFixture.today) == before)
        #expect(try store.auditTrail(participantID: nil).count == count)
    }

    @Test("a malformed value is described by its shape, never quoted")
    func malformedValue() throws {
        let (store, _, _) = try seeded()
        let error = #expect(throws: StoreError.self) {
            try store.correct(participantID: "P001", field: "first_injection_date", value: "07/04/2021",
                              reason: "typo", actor: "monitor", today: StoreFixture.today)
        }
        let text = error?.errorDescription ?? ""
        #expect(text.contains("99/99/9999") && !text.contains("07/04/2021"))
        let baseline = #expect(throws: StoreError.self) {
            try store.correct(participantID: "P001", field: "sex", value: "F", reason: "typo", actor: "monitor",
                              today: StoreFixture.today)
        }
        #expect(baseline?.errorDescription?.contains("\"A\"") == true)
    }

    @Test("changing the site re-stamps the condition and audits the re-stamp")
    func siteChangeRestamps() throws {
        let (store, schedule, _) = try seeded()
        let rapidSite = StoreFixture.site(sequence: 0, in: schedule)
        let standardSite = StoreFixture.site(sequence: 5, in: schedule)
        let rows = try StoreFixture.enroll([StoreFixture.record("P050", site: rapidSite)], schedule: schedule)
        try store.importParticipants(rows, source: "late.csv", actor: "tester")
        #expect(try participant("P050", in: store)?.conditionID == "rapid")

        try store.correct(participantID: "P050", field: "site_id", value: standardSite, reason: "wrong unit entered",
                          actor: "monitor", today: StoreFixture.today)
        let after = try #require(try participant("P050", in: store))
        #expect(after.record.siteID == standardSite && after.conditionID == "standard")
        let trail = try store.auditTrail(participantID: "P050")
        #expect(trail.map(\.action) == [.insert, .correct, .restamp])
        #expect(trail[2].field == "condition_id" && trail[2].oldValue == "rapid" && trail[2].newValue == "standard")
        #expect(try store.verifyAuditChain().isIntact)
    }

    @Test("a correction that creates a deviation updates the flags")
    func flagsFollowCorrections() throws {
        let (store, _, _) = try seeded()
        let assigned = try #require(try participant("P001", in: store)).conditionID
        let other = assigned == "rapid" ? "standard" : "rapid"
        try store.correct(participantID: "P001", field: "procedure_received", value: other, reason: "source checked",
                          actor: "monitor", today: StoreFixture.today)
        #expect(try store.fetchFlags()["P001"] == [.deviation])
        let last = try #require(try store.auditTrail(participantID: "P001").last)
        #expect(last.action == .restamp && last.field == "flags" && last.table == "participant_flag")
        try store.correct(participantID: "P001", field: "procedure_received", value: nil, reason: "unknown after all",
                          actor: "monitor", today: StoreFixture.today)
        #expect(try store.fetchFlags()["P001"] == nil)
        #expect(try store.verifyAuditChain().isIntact)
    }

    @Test("baseline corrections are canonicalized; a required covariate cannot be emptied")
    func baselineCorrections() throws {
        let (store, _, _) = try seeded()
        try store.correct(participantID: "P002", field: "insured", value: "TRUE", reason: "form page 2",
                          actor: "monitor", today: StoreFixture.today)
        #expect(try participant("P002", in: store)?.record.baseline["insured"] == "yes")
        try store.correct(participantID: "P002", field: "insured", value: "", reason: "not asked",
                          actor: "monitor", today: StoreFixture.today)
        #expect(try participant("P002", in: store)?.record.baseline["insured"] == nil)
        #expect(throws: StoreError.self) {
            try store.correct(participantID: "P002", field: "age", value: nil, reason: "x", actor: "monitor",
                              today: StoreFixture.today)
        }
        #expect(try store.verifyAuditChain().isIntact)
    }

    @Test("unknown fields, the id, unchanged values and unknown participants are refused")
    func refusals() throws {
        let (store, _, _) = try seeded()
        let unknown = #expect(throws: StoreError.self) {
            try store.correct(participantID: "P001", field: "dischrage_date", value: "2021-04-12", reason: "x",
                              actor: "monitor", today: StoreFixture.today)
        }
        guard case .unknownField(_, let suggestion, _) = unknown else {
            Issue.record("expected unknownField, got \(String(describing: unknown))")
            return
        }
        #expect(suggestion == "discharge_date")
        #expect(throws: StoreError.fieldNotCorrectable(field: "participant_id")) {
            try store.correct(participantID: "P001", field: "participant_id", value: "P009", reason: "x",
                              actor: "monitor", today: StoreFixture.today)
        }
        #expect(throws: StoreError.unchangedValue(participantID: "P001", field: "age")) {
            try store.correct(participantID: "P001", field: "age", value: " 34 ", reason: "x", actor: "monitor",
                              today: StoreFixture.today)
        }
        #expect(throws: StoreError.participantNotFound(id: "P404")) {
            try store.correct(participantID: "P404", field: "age", value: "40", reason: "x", actor: "monitor",
                              today: StoreFixture.today)
        }
        #expect(throws: StoreError.actorRequired) {
            try store.correct(participantID: "P001", field: "age", value: "40", reason: "x", actor: "",
                              today: StoreFixture.today)
        }
    }

    @Test("soft delete needs a reason, keeps the row out of snapshots, and blocks later changes",
          arguments: StoreKind.allCases)
    func softDelete(kind: StoreKind) throws {
        let (store, schedule, directory) = try seeded(kind)
        #expect(throws: StoreError.reasonRequired(participantID: "P002")) {
            try store.softDelete(participantID: "P002", reason: "", actor: "monitor")
        }
        try store.softDelete(participantID: "P002", reason: "consent withdrawn", actor: "monitor")
        #expect(try store.fetchSnapshot(dataLockDate: StoreFixture.today).enrollments.map(\.record.id) == ["P001", "P003"])
        let entry = try #require(try store.auditTrail(participantID: "P002").last)
        #expect(entry.action == .softDelete && entry.reason == "consent withdrawn")
        #expect(throws: StoreError.participantDeleted(id: "P002")) {
            try store.softDelete(participantID: "P002", reason: "again", actor: "monitor")
        }
        #expect(throws: StoreError.participantDeleted(id: "P002")) {
            try store.correct(participantID: "P002", field: "age", value: "40", reason: "x", actor: "monitor",
                              today: StoreFixture.today)
        }
        let again = try StoreFixture.enroll([StoreFixture.nonInitiator("P002")], schedule: schedule)
        #expect(throws: StoreError.self) { try store.importParticipants(again, source: "x.csv", actor: "tester") }
        #expect(try store.verifyAuditChain().isIntact)
        _ = directory
    }
}
