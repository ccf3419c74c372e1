// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore

/// Importing outcome events: merged per participant, checked like `wedge record`, audited, all or nothing.
@Suite("Importing outcome events")
struct EventImportTests {
    /// A store holding two enrolled participants without outcomes, E1 (unit-a) and E2 (unit-b), admitted 2021-04-01.
    private func store(_ kind: StoreKind) throws -> (StudyStore, TemporaryDirectory?) {
        let (store, directory) = try StoreFixture.makeStore(kind)
        for (id, site) in [("E1", "unit-a"), ("E2", "unit-b")] {
            _ = try store.enroll(ParticipantRecord(id: id, siteID: site, admissionDate: StoreFixture.date("2021-04-01"),
                                                   baseline: ["age": "40", "sex": "male"]),
                                 actor: "coord", today: StoreFixture.today)
        }
        return (store, directory)
    }

    private func event(_ id: String, _ kind: OutcomeEventKind, _ values: [ParticipantField: String])
        -> Result<OutcomeEvent, DataFileError>
    {
        .success(OutcomeEvent(participantID: id, kind: kind, values: values))
    }

    @Test("events fill empty fields with record entries and one import entry; re-running changes nothing",
          arguments: StoreKind.allCases)
    func fills(kind: StoreKind) throws {
        let (store, directory) = try store(kind)
        let rows: [(line: Int, row: Result<OutcomeEvent, DataFileError>)] = [
            (2, event("E1", .inductionStart, [.inductionStartDate: "2021-04-02", .procedureReceived: "standard"])),
            (3, event("E2", .notInitiated, [.notInitiatedReason: "declined-injection"])),
            (4, event("E1", .firstInjection, [.firstInjectionDate: "2021-04-14"])),
            (5, event("E1", .firstInjection, [.firstInjectionDate: "2021-04-14"])),  // a repeat of the same value
        ]
        let result = try store.importOutcomeEvents(rows, source: "ev.csv", actor: "dm", today: StoreFixture.today,
                                                   mode: .allOrNothing)
        #expect(result.participants == 2 && result.fields == 4 && result.refused.isEmpty)
        let e1 = try #require(try store.participants().first { $0.id == "E1" })
        #expect(e1.enrollment.record.outcome.firstInjectionDate == StoreFixture.date("2021-04-14"))
        #expect(e1.enrollment.record.outcome.procedureReceived == "standard")
        let trail = try store.auditTrail(participantID: nil)
        #expect(trail.filter { $0.action == .record }.count == 4)
        #expect(trail.last?.action == .importBatch && trail.last?.newValue == "ev.csv")
        #expect(try store.verifyAuditChain().isIntact)
        let again = try store.importOutcomeEvents(rows, source: "ev.csv", actor: "dm", today: StoreFixture.today,
                                                  mode: .allOrNothing)
        #expect(again.fields == 0 && again.participants == 0)
        #expect(try store.auditTrail(participantID: nil).count == trail.count)
        _ = directory
    }

    @Test("any refused event refuses the whole file, each problem at its line; nothing is written")
    func allOrNothing() throws {
        let (store, _) = try store(.memory)
        let before = try store.auditTrail(participantID: nil).count
        let rows: [(line: Int, row: Result<OutcomeEvent, DataFileError>)] = [
            (2, event("E1", .firstInjection, [.firstInjectionDate: "2021-04-14"])),
            (3, event("E2", .inductionStart, [.inductionStartDate: "2021-04-02"])),
            (4, event("E2", .firstInjection, [.firstInjectionDate: "2021-03-30"])),  // before admission
            (5, event("E1", .firstInjection, [.firstInjectionDate: "2021-04-15"])),  // contradicts line 2
            (6, event("E9", .discharge, [.dischargeDate: "2021-04-20"])),            // not in the database
            (7, .failure(DataFileError(issues: [DataIssue(file: "ev.csv", line: 7, participantID: "E2", field: "date",
                                                          problem: "is not a date", expected: "Write dates as YYYY-MM-DD.")]))),
        ]
        let error = #expect(throws: StoreError.self) {
            try store.importOutcomeEvents(rows, source: "ev.csv", actor: "dm", today: StoreFixture.today, mode: .allOrNothing)
        }
        guard case .dataRejected(let rejected) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        let located = Set(rejected.issues.map { "\($0.line ?? 0) \($0.field)" })
        #expect(located.isSuperset(of: ["2 (row)", "3 (row)", "4 first_injection_date", "5 first_injection_date",
                                        "6 participant_id", "7 date"]))
        #expect(rejected.issues.allSatisfy { $0.file == "ev.csv" })
        #expect(try store.auditTrail(participantID: nil).count == before)
        #expect(try store.participants().allSatisfy { $0.enrollment.record.outcome == InductionOutcome() })
    }

    @Test("skipping invalid events leaves a refused participant whole and writes the others")
    func skipInvalid() throws {
        let (store, _) = try store(.memory)
        let rows: [(line: Int, row: Result<OutcomeEvent, DataFileError>)] = [
            (2, event("E1", .inductionStart, [.inductionStartDate: "2021-04-02"])),
            (3, event("E1", .firstInjection, [.firstInjectionDate: "2021-04-01"])),  // before induction start
            (4, event("E2", .discharge, [.dischargeDate: "2021-04-09"])),
        ]
        let result = try store.importOutcomeEvents(rows, source: "ev.csv", actor: "dm", today: StoreFixture.today,
                                                   mode: .skipInvalid)
        #expect(result.participants == 1 && result.fields == 1)
        #expect(Set(result.refused.compactMap(\.line)) == [2, 3])
        let stored = try store.participants()
        #expect(stored.first { $0.id == "E1" }?.enrollment.record.outcome == InductionOutcome())
        #expect(stored.first { $0.id == "E2" }?.enrollment.record.outcome.dischargeDate == StoreFixture.date("2021-04-09"))
        #expect(try store.verifyAuditChain().isIntact)
    }

    @Test("a value already recorded is never overwritten, and a deleted participant takes no events")
    func neverOverwrites() throws {
        let (store, _) = try store(.memory)
        _ = try store.recordOutcomes(participantID: "E1", [.dischargeDate: "2021-04-09"], actor: "coord",
                                     today: StoreFixture.today)
        try store.softDelete(participantID: "E2", reason: "withdrew consent", actor: "dm")
        let rows: [(line: Int, row: Result<OutcomeEvent, DataFileError>)] = [
            (2, event("E1", .discharge, [.dischargeDate: "2021-04-10"])),
            (3, event("E2", .discharge, [.dischargeDate: "2021-04-10"])),
        ]
        let result = try store.importOutcomeEvents(rows, source: "ev.csv", actor: "dm", today: StoreFixture.today,
                                                   mode: .skipInvalid)
        #expect(result.fields == 0)
        #expect(result.refused.map(\.problem) == ["already holds another value", "is a deleted participant"])
        #expect(try store.participants(includeDeleted: true).first { $0.id == "E1" }?.enrollment.record.outcome.dischargeDate
                == StoreFixture.date("2021-04-09"))
    }
}
