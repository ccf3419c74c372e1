// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore
@testable import WedgeStore

/// The same sequence of operations, good and bad, run against one engine; each step's outcome as text (the
/// result, or the error's message), so that two engines can be compared step by step.
enum ConformanceScript {
    static func run(_ store: any StudyEngine) async -> [String] {
        let today = ConformanceFixture.today
        var outcomes: [String] = []
        func note(_ step: String, _ body: () async throws -> String) async {
            do {
                outcomes.append(step + " -> " + (try await body()))
            } catch let error as StoreError {
                outcomes.append(step + " !! " + (error.errorDescription ?? "\(error)"))
            } catch {
                outcomes.append(step + " !! \(type(of: error))")
            }
        }
        let schedule = (try? await store.fetchSchedule())!
        let unitA = ConformanceFixture.record("P001")
        await note("enroll P001") {
            let (e, flags) = try await store.enroll(unitA, actor: "coordinator", today: today)
            return "\(e.conditionID) period \(e.period) transition \(e.isTransition) flags \(flags)"
        }
        await note("enroll P001 again") { _ = try await store.enroll(unitA, actor: "coordinator", today: today); return "ok" }
        await note("enroll in the future") {
            _ = try await store.enroll(ConformanceFixture.record("P002", admitted: "2024-01-01"), actor: "c", today: today)
            return "ok"
        }
        await note("enroll at an unknown site") {
            _ = try await store.enroll(ConformanceFixture.record("P003", site: "unit-z"), actor: "c", today: today)
            return "ok"
        }
        await note("enroll without actor") {
            _ = try await store.enroll(ConformanceFixture.record("P004"), actor: " ", today: today)
            return "ok"
        }
        await note("enroll injection before admission") {
            var bad = ConformanceFixture.record("P005")
            bad.outcome.firstInjectionDate = CivilDate(iso: "2021-03-20")
            _ = try await store.enroll(bad, actor: "c", today: today)
            return "ok"
        }
        await note("enroll N001") {
            let (e, flags) = try await store.enroll(ConformanceFixture.admitted("N001"), actor: "c", today: today)
            return "\(e.conditionID) period \(e.period) flags \(flags)"
        }
        await note("record N001 induction and injection") {
            let r = try await store.recordOutcomes(participantID: "N001", [.inductionStartDate: "2021-09-02",
                                                                           .firstInjectionDate: "2021-09-12"],
                                                   actor: "c", today: today)
            return "recorded \(r.recorded.map(\.rawValue)) flags \(r.flags)"
        }
        await note("record N001 again, same values") {
            let r = try await store.recordOutcomes(participantID: "N001", [.firstInjectionDate: "2021-09-12"],
                                                   actor: "c", today: today)
            return "recorded \(r.recorded.map(\.rawValue))"
        }
        await note("record N001 a different injection date") {
            _ = try await store.recordOutcomes(participantID: "N001", [.firstInjectionDate: "2021-09-13"], actor: "c",
                                               today: today)
            return "ok"
        }
        await note("record N001 a malformed date") {
            _ = try await store.recordOutcomes(participantID: "N001", [.dischargeDate: "2021-13-45"], actor: "c",
                                               today: today)
            return "ok"
        }
        await note("record a missing participant") {
            _ = try await store.recordOutcomes(participantID: "X999", [.dischargeDate: "2021-09-20"], actor: "c",
                                               today: today)
            return "ok"
        }
        await note("correct P001 admission_date") {
            try await store.correct(participantID: "P001", field: "admission_date", value: "2021-03-16",
                                    reason: "transcription error", actor: "dm", today: today)
            return "ok"
        }
        await note("correct P001 an unknown field") {
            try await store.correct(participantID: "P001", field: "admision_date", value: "2021-08-02", reason: "r",
                                    actor: "dm", today: today)
            return "ok"
        }
        await note("correct P001 without reason") {
            try await store.correct(participantID: "P001", field: "age", value: "35", reason: "", actor: "dm", today: today)
            return "ok"
        }
        await note("correct P001 unchanged") {
            try await store.correct(participantID: "P001", field: "age", value: "34", reason: "r", actor: "dm", today: today)
            return "ok"
        }
        await note("correct P001 age") {
            try await store.correct(participantID: "P001", field: "age", value: "35", reason: "source checked",
                                    actor: "dm", today: today)
            return "ok"
        }
        // A flag added and then removed, and a baseline value removed: PostgreSQL sends only what changed.
        await note("record P001 the other procedure (a deviation)") {
            let stored = try await store.participant("P001")
            let other = stored?.enrollment.conditionID == "rapid" ? "standard" : "rapid"
            let r = try await store.recordOutcomes(participantID: "P001", [.procedureReceived: other], actor: "c",
                                                   today: today)
            return "recorded \(r.recorded.map(\.rawValue)) flags \(r.flags)"
        }
        await note("correct P001 procedure back to none") {
            try await store.correct(participantID: "P001", field: "procedure_received", value: nil,
                                    reason: "entered on the wrong participant", actor: "dm", today: today)
            return "flags \(try await store.participant("P001")?.flags ?? [])"
        }
        await note("correct P001 insured to none") {
            try await store.correct(participantID: "P001", field: "insured", value: nil, reason: "not asked",
                                    actor: "dm", today: today)
            return "baseline \(try await store.participant("P001")?.enrollment.record.baseline.sorted { $0.key < $1.key } ?? [])"
        }
        await note("adverse event on P001") {
            let event = try await store.recordAdverseEvent(participantID: "P001", date: CivilDate(iso: "2021-04-05")!,
                                                           description: "nausea\twith a tab\nand a line",
                                                           isSerious: false, actor: "c", today: today)
            return "event \(event.id)"
        }
        await note("adverse event in the future") {
            _ = try await store.recordAdverseEvent(participantID: "P001", date: CivilDate(iso: "2024-08-05")!,
                                                   description: "x", isSerious: true, actor: "c", today: today)
            return "ok"
        }
        await note("delete N001 without reason") {
            try await store.softDelete(participantID: "N001", reason: " ", actor: "dm")
            return "ok"
        }
        await note("delete N001") {
            try await store.softDelete(participantID: "N001", reason: "withdrew consent", actor: "dm")
            return "ok"
        }
        await note("record on deleted N001") {
            _ = try await store.recordOutcomes(participantID: "N001", [.dischargeDate: "2021-09-20"], actor: "c",
                                               today: today)
            return "ok"
        }
        let batch = ConformanceFixture.enrolled((1...20).map { ConformanceFixture.record(String(format: "I%03d", $0)) },
                                                schedule: schedule)
        var broken = batch
        broken[10].enrollment.conditionID = broken[10].enrollment.conditionID == "rapid" ? "standard" : "rapid"
        broken.append(batch[0])
        await note("import with a bad row halfway, all or nothing") {
            let result = try await store.importParticipants(broken, source: "halfway.csv", actor: "dm", mode: .allOrNothing)
            return "stored \(result.stored)"
        }
        await note("count after the refused import") { "\(try await store.participantCount())" }
        await note("import the valid rows only") {
            let result = try await store.importParticipants(broken, source: "valid.csv", actor: "dm", mode: .skipInvalid)
            return "stored \(result.stored), refused \(result.refused.map(\.description))"
        }
        await note("import an id already stored") {
            let result = try await store.importParticipants([batch[1]], source: "again.csv", actor: "dm", mode: .allOrNothing)
            return "stored \(result.stored)"
        }
        let events: [(line: Int, row: Result<OutcomeEvent, DataFileError>)] = [
            (2, .success(OutcomeEvent(participantID: "I001", kind: .dropout, values: [.dropoutDate: "2021-05-30"]))),
            (3, .success(OutcomeEvent(participantID: "X404", kind: .discharge, values: [.dischargeDate: "2021-05-01"]))),
            (4, .success(OutcomeEvent(participantID: "I002", kind: .dropout, values: [.dropoutDate: "2021-05-31"]))),
        ]
        await note("events, all or nothing") {
            let r = try await store.importOutcomeEvents(events, source: "events.csv", actor: "dm", today: today,
                                                        mode: .allOrNothing)
            return "\(r.participants) \(r.fields)"
        }
        await note("events, valid only") {
            let r = try await store.importOutcomeEvents(events, source: "events.csv", actor: "dm", today: today,
                                                        mode: .skipInvalid)
            return "\(r.participants) participants, \(r.fields) fields, refused \(r.refused.map(\.description))"
        }
        await note("trail of P001") {
            try await store.auditTrail(participantID: "P001").map { "\($0.action.rawValue):\($0.field ?? "-")" }
                .joined(separator: ",")
        }
        await note("verify") {
            let v = try await store.verifyAuditChain()
            return "intact \(v.isIntact) entries \(v.entryCount) problems \(v.problems.count)"
        }
        return outcomes
    }
}
