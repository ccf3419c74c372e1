// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeTestSupport

/// The analysis export's derived outcomes, open queries, and command-line entry of a participant.
@Suite("Analysis export, open queries and typed entries")
struct DataExportTests {
    static func snapshot(_ outcome: InductionOutcome, admitted: String = "2021-04-01", lock: String = "2022-12-31")
        throws -> (StudySnapshot, Enrollment)
    {
        let loaded = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml"))
        let schedule = Randomizer.randomize(loaded.protocol, seed: "swift-129")
        let record = ParticipantRecord(id: "X1", siteID: "unit-a", admissionDate: CivilDate(iso: admitted)!,
                                       baseline: ["age": "34", "sex": "female"], outcome: outcome)
        let enrollment = try ParticipantRules(schedule: schedule, today: CivilDate(iso: lock)!).enroll(record).get()
        return (StudySnapshot(loadedProtocol: loaded, schedule: schedule, enrollments: [enrollment],
                              dataLockDate: CivilDate(iso: lock)!), enrollment)
    }

    static func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    @Test("initiation, injections inside windows, time to first injection, and a dropout inside follow-up")
    func eventRow() throws {
        let (snapshot, e) = try Self.snapshot(InductionOutcome(
            inductionStartDate: Self.d("2021-04-02"), firstInjectionDate: Self.d("2021-04-08"), dischargeDate: Self.d("2021-04-09"),
            secondInjectionDate: Self.d("2021-05-06"), thirdInjectionDate: Self.d("2021-05-16"), dropoutDate: Self.d("2021-05-20")))
        let row = AnalysisExport.row(for: e, in: snapshot)
        #expect(row.initiated && row.secondInjection == true && row.thirdInjection == false)  // third 10 days after second
        #expect(row.daysToFirstInjection == 7)  // admission 04-01 to first injection 04-08
        #expect(row.retentionDays == 48 && row.retentionEvent == true)  // induction 04-02 to dropout 05-20
        #expect(row.period == 1)
    }

    @Test("retention is censored at the end of follow-up; no first injection means no retention")
    func censoredRow() throws {
        let (snapshot, e) = try Self.snapshot(InductionOutcome(
            inductionStartDate: Self.d("2021-04-02"), firstInjectionDate: Self.d("2021-04-08"),
            lastContactDate: Self.d("2021-09-01"), dropoutDate: Self.d("2021-10-01")))
        let row = AnalysisExport.row(for: e, in: snapshot)
        #expect(row.retentionEvent == false && row.retentionDays == 60)  // follow-up ends 60 days after induction
        #expect(row.secondInjection == false)
        let (none, n) = try Self.snapshot(InductionOutcome(notInitiatedReason: "medical"))
        let empty = AnalysisExport.row(for: n, in: none)
        #expect(!empty.initiated && empty.retentionDays == nil && empty.daysToFirstInjection == nil)
    }

    @Test("a second injection is unknown while its window is still open at data lock")
    func openWindow() throws {
        let (snapshot, e) = try Self.snapshot(InductionOutcome(firstInjectionDate: Self.d("2021-04-08")), lock: "2021-04-20")
        let row = AnalysisExport.row(for: e, in: snapshot)
        #expect(row.secondInjection == nil && row.thirdInjection == nil)
    }

    @Test("CSV and JSON have the documented columns in order, one row per participant")
    func documents() throws {
        let (snapshot, _) = try Self.snapshot(InductionOutcome(firstInjectionDate: Self.d("2021-04-08")))
        let csv = AnalysisExport.csv(snapshot).split(separator: "\n")
        #expect(csv.count == 2)
        #expect(csv[0].hasPrefix("participant_id,site,period,condition,initiated,second_injection,third_injection,"
                                  + "days_to_first_injection,retention_days,retention_event,"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(AnalysisExport.json(snapshot).utf8)) as? [[String: Any]])
        #expect(json.count == 1 && json[0]["age"] as? Int == 34 && json[0]["initiated"] as? Bool == true)
    }

    @Test("open queries: missing outcomes after their window, deviations, out-of-window injections")
    func queries() throws {
        let (snapshot, e) = try Self.snapshot(InductionOutcome(
            inductionStartDate: Self.d("2021-04-02"), procedureReceived: "standard", firstInjectionDate: Self.d("2021-04-08"),
            dischargeDate: Self.d("2021-04-09"), secondInjectionDate: Self.d("2021-04-12")))
        let early = OpenQueries.find(in: snapshot, today: Self.d("2021-04-13"))
        #expect(Set(early.map(\.kind)) == [.deviation, .outOfWindow] || e.conditionID == "standard")
        let late = OpenQueries.find(in: snapshot, today: Self.d("2022-01-01"))
        #expect(late.contains { $0.kind == .missingOutcome && $0.field == "third_injection_date" })
        #expect(late.contains { $0.kind == .missingOutcome && $0.field == "last_contact_date" })
        #expect(late.contains { $0.kind == .outOfWindow && $0.field == "second_injection_date" })
    }

    @Test("open queries for a missing induction start and discharge wait the protocol's delays")
    func queryDelays() throws {
        let (snapshot, e) = try Self.snapshot(InductionOutcome(), admitted: "2021-04-01")
        let proto = snapshot.protocol
        #expect(proto.outcomes.inductionStartQueryDays == 7 && proto.outcomes.inpatientStayQueryDays == 30)
        func fields(_ p: StudyProtocol, on day: String) -> Set<String> {
            Set(OpenQueries.find(for: e, flags: [], protocol: p, today: Self.d(day))
                .filter { $0.kind == .missingOutcome }.map(\.field))
        }
        // Defaults: induction start queried after 7 days, discharge and first injection after 30.
        #expect(fields(proto, on: "2021-04-08").isEmpty)
        #expect(fields(proto, on: "2021-04-09") == ["induction_start_date"])
        #expect(fields(proto, on: "2021-05-02") == ["induction_start_date", "first_injection_date", "discharge_date"])
        // A protocol that expects a shorter stay queries sooner.
        let text = try TestPaths.text("Protocols/ctn-0097.toml").replacingOccurrences(
            of: "retention_follow_up_days = 60", with: "retention_follow_up_days = 60\ninduction_start_query_days = 2\ninpatient_stay_query_days = 14")
        let short = try ProtocolLoader.parse(text, file: "short.toml")
        #expect(short.outcomes.inductionStartQueryDays == 2 && short.outcomes.inpatientStayQueryDays == 14)
        #expect(fields(short, on: "2021-04-04") == ["induction_start_date"])
        #expect(fields(short, on: "2021-04-16") == ["induction_start_date", "first_injection_date", "discharge_date"])
    }

    @Test("a typed enrollment checks every value and names required covariates")
    func entry() throws {
        let proto = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml")).protocol
        let ok = try ParticipantEntry.record(id: "P1", siteID: "unit-a", admissionDate: "2021-04-01",
                                             baseline: ["age=34", "sex=female", "insured=Y"], protocol: proto).get()
        #expect(ok.baseline == ["age": "34", "sex": "female", "insured": "yes"])
        guard case .failure(let error) = ParticipantEntry.record(
            id: "P1", siteID: "unit-a", admissionDate: "01/04/2021", baseline: ["agee=34", "sex"], protocol: proto)
        else { Issue.record("accepted"); return }
        let text = error.errorDescription ?? ""
        #expect(text.contains("Did you mean 'age'?") && text.contains("99/99/9999") && !text.contains("01/04/2021"))
    }
}
