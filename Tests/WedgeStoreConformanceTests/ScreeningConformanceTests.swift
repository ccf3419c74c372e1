// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeServerCLI
@testable import WedgeStore
@testable import WedgeStorePostgres
import WedgeTestSupport
import WedgeTestSupportPostgres

/// The screening log on both engines: stamping, every validation rule, link rules, corrections and soft deletes
/// with their audit entries, imports, guards, and the same rows and snapshot on SQLite and PostgreSQL.
@Suite("Store conformance: the screening log (SQLite and PostgreSQL)")
struct ScreeningConformanceTests {
    static let today = ConformanceFixture.today

    static func entry(
        _ id: String, site: String = "unit-a", date: String = "2021-04-01", eligible: Bool = true,
        reason: String? = nil, consented: Bool? = true, participant: String? = nil
    ) -> ScreeningEntry {
        ScreeningEntry(id: id, siteID: site, screeningDate: CivilDate(iso: date)!, isEligible: eligible,
                       ineligibleReason: reason, consented: eligible ? consented : nil, participantID: participant)
    }

    /// The fields of the issues of a refusal, or the error itself when it is not a refusal of data.
    static func refusal(_ body: () async throws -> Void) async -> [String] {
        do {
            try await body()
            return ["(accepted)"]
        } catch let error as StoreError {
            if case .dataRejected(let rejected) = error { return rejected.issues.map(\.field) }
            return ["\(error)"]
        } catch {
            return ["\(error)"]
        }
    }

    @Test("Screening stamps the condition and period in effect at the site on the screening date",
          arguments: Engine.available)
    func stamping(engine: Engine) async throws {
        let (store, _) = try await ConformanceFixture.makeStore(engine)
        let schedule = try await store.fetchSchedule()
        var seen: Set<String> = []
        for (index, site) in schedule.protocol.sites.enumerated() {
            for date in ["2021-03-16", "2021-07-20", "2021-11-01", "2022-02-15", "2022-07-01"] {
                let entry = Self.entry("S\(index)-\(date)", site: site.id, date: date)
                let cell = try #require(schedule.cell(siteID: site.id, on: entry.screeningDate))
                let record = try await store.screen(entry, actor: "c", today: Self.today)
                #expect(record.conditionID == cell.conditionID && record.period == cell.period)
                #expect(record.entry == entry && !record.isDeleted)
                seen.insert(cell.conditionID)
            }
        }
        #expect(seen.count == 2)  // both conditions were stamped somewhere
        let all = try await store.screenings(siteID: nil)
        #expect(all.count == 30 && all.map(\.id) == all.map(\.id).sorted())
        #expect(try await store.screenings(siteID: "unit-b").allSatisfy { $0.siteID == "unit-b" })
        #expect(try await store.screenings(siteID: "unit-b").count == 5)
        #expect(try await store.fetchSnapshot(dataLockDate: Self.today).screenings == all)
        await store.close()
    }

    @Test("Every validation rule refuses with its field, and nothing is written", arguments: Engine.available)
    func validation(engine: Engine) async throws {
        let (store, _) = try await ConformanceFixture.makeStore(engine)
        _ = try await store.screen(Self.entry("V000"), actor: "c", today: Self.today)
        let before = try await store.dump()
        let cases: [(String, ScreeningEntry, [String])] = [
            ("unknown site", Self.entry("V1", site: "unit-z"), ["site_id"]),
            ("before the window", Self.entry("V2", date: "2021-01-01"), ["screening_date"]),
            ("after the window", Self.entry("V3", date: "2022-12-01"), ["screening_date"]),
            ("in the future", Self.entry("V4", date: "2024-01-01"), ["screening_date", "screening_date"]),
            ("not eligible without a reason", Self.entry("V5", eligible: false), ["ineligible_reason"]),
            ("a reason not in the protocol", Self.entry("V6", eligible: false, reason: "tired"), ["ineligible_reason"]),
            ("eligible with a reason", Self.entry("V7", reason: "pregnant"), ["ineligible_reason"]),
            ("eligible without consent", Self.entry("V8", consented: nil), ["consented"]),
            ("consent when not eligible", ScreeningEntry(id: "V9", siteID: "unit-a", screeningDate: CivilDate(iso: "2021-04-01")!,
                                                         isEligible: false, ineligibleReason: "pregnant", consented: true),
             ["consented"]),
            ("an empty id", Self.entry(""), ["screening_id"]),
            ("a control character in the id", Self.entry("V\t10"), ["screening_id"]),
            ("an id already stored", Self.entry("V000"), ["screening_id"]),
            ("a link to a participant not enrolled", Self.entry("V11", participant: "P404"), ["participant_id"]),
            ("a link on a declined consent", Self.entry("V12", consented: false, participant: "P404"), ["participant_id"]),
        ]
        for (name, entry, fields) in cases {
            let found = await Self.refusal { _ = try await store.screen(entry, actor: "c", today: Self.today) }
            #expect(found == fields, "\(engine): \(name)")
        }
        // Messages name the screening and the field, and the rule.
        do {
            _ = try await store.screen(Self.entry("V6", eligible: false, reason: "tired"), actor: "c", today: Self.today)
        } catch {
            let text = error.localizedDescription
            #expect(text.contains("screening V6") && text.contains("ineligible_reason") && text.contains("pregnant"), "\(text)")
        }
        await #expect(throws: StoreError.actorRequired) {
            _ = try await store.screen(Self.entry("V13"), actor: " ", today: Self.today)
        }
        #expect(try await store.dump() == before)
        await store.close()
    }

    @Test("A correction re-checks, re-stamps and is audited old → new; soft delete hides and keeps",
          arguments: Engine.available)
    func correctionAndDelete(engine: Engine) async throws {
        let (store, _) = try await ConformanceFixture.makeStore(engine)
        let schedule = try await store.fetchSchedule()
        let first = try await store.screen(Self.entry("C001", date: "2021-04-01"), actor: "c", today: Self.today)
        // A date in another period, where the site may run another condition.
        let later = CivilDate(iso: "2022-06-01")!
        let cell = try #require(schedule.cell(siteID: "unit-a", on: later))
        let corrected = try await store.correctScreening(screeningID: "C001", [.screeningDate: later.iso],
                                                         reason: "log checked", actor: "dm", today: Self.today)
        #expect(corrected.period == cell.period && corrected.conditionID == cell.conditionID)
        #expect(corrected.period != first.period)
        let trail = try await store.auditTrail(participantID: nil).filter { $0.table == "screening" && $0.recordID == "C001" }
        #expect(trail.map(\.action) == [.insert, .correct, .restamp] + (cell.conditionID != first.conditionID ? [.restamp] : []))
        #expect(trail[1].field == "screening_date" && trail[1].oldValue == "2021-04-01" && trail[1].newValue == later.iso
                && trail[1].reason == "log checked" && trail[1].actor == "dm")
        #expect(trail.contains { $0.action == .restamp && $0.field == "period" && $0.oldValue == String(first.period) })
        // Fields tied by a rule change together; alone, the change is refused and nothing is written.
        let before = try await store.dump()
        #expect(await Self.refusal {
            _ = try await store.correctScreening(screeningID: "C001", [.eligible: "no"], reason: "r", actor: "dm", today: Self.today)
        } == ["ineligible_reason", "consented"])
        #expect(await Self.refusal {
            _ = try await store.correctScreening(screeningID: "C001", [.screeningDate: "2022-6-1"], reason: "r", actor: "dm",
                                                 today: Self.today)
        } == ["screening_date"])
        #expect(await Self.refusal {
            _ = try await store.correctScreening(screeningID: "C001", [.consented: "yes"], reason: "r", actor: "dm", today: Self.today)
        } == ["consented"])  // unchanged
        await #expect(throws: StoreError.screeningReasonRequired(screeningID: "C001")) {
            _ = try await store.correctScreening(screeningID: "C001", [.consented: "no"], reason: " ", actor: "dm", today: Self.today)
        }
        await #expect(throws: StoreError.fieldNotCorrectable(field: "participant_id")) {
            _ = try await store.correctScreening(screeningID: "C001", [.participantID: "P1"], reason: "r", actor: "dm", today: Self.today)
        }
        await #expect(throws: StoreError.screeningNotFound(id: "C404")) {
            _ = try await store.correctScreening(screeningID: "C404", [.consented: "no"], reason: "r", actor: "dm", today: Self.today)
        }
        #expect(try await store.dump() == before)
        let excluded = try await store.correctScreening(
            screeningID: "C001", [.eligible: "no", .ineligibleReason: "pregnant", .consented: ""], reason: "form checked",
            actor: "dm", today: Self.today)
        #expect(!excluded.isEligible && excluded.ineligibleReason == "pregnant" && excluded.consented == nil)
        let three = try await store.auditTrail(participantID: nil).suffix(3)
        #expect(three.map(\.field) == ["eligible", "ineligible_reason", "consented"])
        #expect(three.map(\.oldValue) == ["yes", nil, "yes"] && three.map(\.newValue) == ["no", "pregnant", nil])

        // Soft delete: kept in the table, out of every list and snapshot; audited; final.
        _ = try await store.screen(Self.entry("C002"), actor: "c", today: Self.today)
        await #expect(throws: StoreError.screeningReasonRequired(screeningID: "C002")) {
            try await store.softDeleteScreening(screeningID: "C002", reason: "", actor: "dm")
        }
        try await store.softDeleteScreening(screeningID: "C002", reason: "entered twice", actor: "dm")
        #expect(try await store.screenings(siteID: nil).map(\.id) == ["C001"])
        #expect(try await store.fetchSnapshot(dataLockDate: Self.today).screenings.map(\.id) == ["C001"])
        #expect(try await store.dump().screenings.first { $0.id == "C002" }?.isDeleted == true)
        let last = try #require(try await store.auditTrail(participantID: nil).last)
        #expect(last.action == .softDelete && last.table == "screening" && last.recordID == "C002" && last.reason == "entered twice")
        await #expect(throws: StoreError.screeningDeleted(id: "C002")) {
            try await store.softDeleteScreening(screeningID: "C002", reason: "again", actor: "dm")
        }
        await #expect(throws: StoreError.screeningDeleted(id: "C002")) {
            _ = try await store.correctScreening(screeningID: "C002", [.consented: "no"], reason: "r", actor: "dm", today: Self.today)
        }
        let verification = try await store.verifyAuditChain()
        #expect(verification.isIntact, "\(verification.problems)")
        await store.close()
    }

    @Test("A link needs the same site, an eligible and consented screening, and neither linked already",
          arguments: Engine.available)
    func linkRules(engine: Engine) async throws {
        let (store, _) = try await ConformanceFixture.makeStore(engine)
        for (id, site) in [("P001", "unit-a"), ("P002", "unit-a"), ("P003", "unit-b"), ("P004", "unit-a")] {
            _ = try await store.enroll(ConformanceFixture.record(id, site: site), actor: "c", today: Self.today)
        }
        try await store.softDelete(participantID: "P004", reason: "duplicate", actor: "dm")
        _ = try await store.screen(Self.entry("L1"), actor: "c", today: Self.today)
        _ = try await store.screen(Self.entry("L2"), actor: "c", today: Self.today)
        _ = try await store.screen(Self.entry("L3", consented: false), actor: "c", today: Self.today)
        _ = try await store.screen(Self.entry("L4", eligible: false, reason: "no-oud"), actor: "c", today: Self.today)
        _ = try await store.screen(Self.entry("L5", participant: "P002"), actor: "c", today: Self.today)  // linked at entry
        let linked = try await store.linkScreening(screeningID: "L1", participantID: "P001", actor: "c")
        #expect(linked.participantID == "P001")
        let entry = try #require(try await store.auditTrail(participantID: nil).last)
        #expect(entry.action == .record && entry.table == "screening" && entry.recordID == "L1"
                && entry.field == "participant_id" && entry.oldValue == nil && entry.newValue == "P001")
        let before = try await store.dump()
        let refusals: [(String, String, String)] = [
            ("L2", "P001", "participant already linked"), ("L1", "P003", "screening already linked"),
            ("L2", "P003", "another site"), ("L3", "P003", "declined consent"), ("L4", "P001", "not eligible"),
            ("L2", "P404", "no such participant"), ("L2", "P004", "deleted participant"), ("L2", "P002", "linked at entry"),
        ]
        for (screening, participant, name) in refusals {
            #expect(await Self.refusal {
                _ = try await store.linkScreening(screeningID: screening, participantID: participant, actor: "c")
            } == ["participant_id"], "\(engine): \(name)")
        }
        await #expect(throws: StoreError.screeningNotFound(id: "L9")) {
            _ = try await store.linkScreening(screeningID: "L9", participantID: "P003", actor: "c")
        }
        #expect(try await store.dump() == before)
        // A correction must keep the link valid: a linked screening cannot become not eligible, nor move site.
        #expect(await Self.refusal {
            _ = try await store.correctScreening(screeningID: "L1", [.consented: "no"], reason: "r", actor: "dm", today: Self.today)
        } == ["participant_id"])
        #expect(await Self.refusal {
            _ = try await store.correctScreening(screeningID: "L1", [.siteID: "unit-b"], reason: "r", actor: "dm", today: Self.today)
        } == ["participant_id"])
        #expect(try await store.dump() == before)
        #expect(try await store.verifyAuditChain().isIntact)
        await store.close()
    }

    @Test("An import that fails halfway writes nothing; valid rows only stores the rest; errors name file and line",
          arguments: Engine.available)
    func importAllOrNothing(engine: Engine) async throws {
        let (store, _) = try await ConformanceFixture.makeStore(engine)
        _ = try await store.enroll(ConformanceFixture.record("P001"), actor: "c", today: Self.today)
        let before = try await store.dump()
        var rows: [(line: Int, row: Result<ScreeningEntry, DataFileError>)] = (1...300).map { i in
            (i + 1, .success(Self.entry(String(format: "I%03d", i), date: "2021-0\(4 + i % 5)-1\(i % 10)",
                                        eligible: i % 3 != 0, reason: i % 3 == 0 ? "no-oud" : nil,
                                        consented: i % 3 == 1)))
        }
        rows[149] = (151, .success(Self.entry("I150", eligible: false, reason: "bored")))  // halfway
        rows.append((302, .success(Self.entry("X1", participant: "P001"))))
        await #expect(throws: StoreError.self) {
            _ = try await store.importScreenings(rows, source: "log.csv", actor: "dm", today: Self.today, mode: .allOrNothing)
        }
        do {
            _ = try await store.importScreenings(rows, source: "log.csv", actor: "dm", today: Self.today, mode: .allOrNothing)
        } catch {
            guard case .dataRejected(let rejected) = error else { throw error }
            #expect(rejected.issues.count == 1)
            #expect(rejected.issues.first?.file == "log.csv" && rejected.issues.first?.line == 151
                    && rejected.issues.first?.field == "ineligible_reason")
            #expect(rejected.issues.first?.description.hasPrefix("log.csv:151: screening I150: field 'ineligible_reason'") == true)
        }
        #expect(try await store.dump() == before)
        let result = try await store.importScreenings(rows + [(303, .success(Self.entry("I001")))], source: "log.csv",
                                                      actor: "dm", today: Self.today, mode: .skipInvalid)
        #expect(result.stored == 300 && result.refused.map(\.line) == [151, 303])
        let stored = try await store.screenings(siteID: nil)
        #expect(stored.count == 300 && stored.last?.participantID == "P001")
        let last = try #require(try await store.auditTrail(participantID: nil).last)
        #expect(last.action == .importBatch && last.table == "screening" && last.newValue == "log.csv")
        #expect(try await store.verifyAuditChain().isIntact)
        await store.close()
    }

    @Test("Screenings are never hard-deleted, and verification sees a screening changed outside Wedge",
          arguments: Engine.available)
    func guardsAndVerification(engine: Engine) async throws {
        let (store, address) = try await ConformanceFixture.makeStore(engine)
        _ = try await store.screen(Self.entry("G1"), actor: "c", today: Self.today)
        func execute(_ sql: String) async throws {
            switch engine {
            case .sqlite: try (store as! StudyStore).executeUncheckedSQL(sql)
            case .postgres: try await PostgresTestDatabase.execute(sql, url: address)
            }
        }
        let before = try await store.dump()
        for sql in ["DELETE FROM screening WHERE id = 'G1'"] + (engine == .postgres ? ["TRUNCATE screening"] : []) {
            await #expect(throws: (any Error).self, "\(engine): \(sql)") { try await execute(sql) }
        }
        #expect(try await store.dump() == before)
        try await execute("UPDATE screening SET consented = \(engine == .sqlite ? "0" : "FALSE") WHERE id = 'G1'")
        let verification = try await store.verifyAuditChain()
        #expect(!verification.isIntact)
        #expect(verification.problems.contains { $0.table == "screening" && $0.row == "G1" && $0.field == "consented" })
        await store.close()
    }

    /// The same screening operations, on any engine; each step's outcome as a line.
    static func script(_ store: any StudyEngine) async -> [String] {
        var out: [String] = []
        func step(_ name: String, _ body: () async throws -> String) async {
            do { out.append("\(name) -> \(try await body())") } catch { out.append("\(name) !! \(error.localizedDescription)") }
        }
        await step("enroll") { try await store.enroll(ConformanceFixture.record("P001"), actor: "c", today: today).enrollment.conditionID }
        await step("screen") { try await store.screen(entry("S1"), actor: "c", today: today).conditionID }
        await step("screen excluded") {
            try await store.screen(entry("S2", site: "unit-c", date: "2022-01-10", eligible: false, reason: "medical"),
                                   actor: "c", today: today).conditionID
        }
        await step("screen declined") { try await store.screen(entry("S3", date: "2021-12-01", consented: false), actor: "c", today: today).conditionID }
        await step("screen bad") { try await store.screen(entry("S4", eligible: false), actor: "c", today: today).id }
        await step("link") { try await store.linkScreening(screeningID: "S1", participantID: "P001", actor: "c").id }
        await step("link again") { try await store.linkScreening(screeningID: "S3", participantID: "P001", actor: "c").id }
        await step("correct") {
            try await store.correctScreening(screeningID: "S2", [.screeningDate: "2021-05-01"], reason: "r", actor: "dm",
                                             today: today).conditionID
        }
        await step("delete") { try await store.softDeleteScreening(screeningID: "S3", reason: "r", actor: "dm"); return "ok" }
        await step("import") {
            let rows: [(line: Int, row: Result<ScreeningEntry, DataFileError>)] = [
                (2, .success(entry("S5", site: "unit-d", date: "2021-09-09"))),
                (3, .failure(DataFileError(issues: [DataIssue(file: "f.csv", line: 3, field: "eligible", problem: "is empty", expected: "x")]))),
            ]
            return "\(try await store.importScreenings(rows, source: "f.csv", actor: "dm", today: today, mode: .skipInvalid).stored)"
        }
        await step("verify") { "\(try await store.verifyAuditChain().isIntact)" }
        return out
    }

    @Test("Both engines give the same outcomes, rows, audit entries and snapshot; a copy keeps the screenings")
    func sameOnEveryEngine() async throws {
        var results: [(Engine, [String], StudyDump, StudySnapshot)] = []
        for engine in Engine.available {
            let (store, _) = try await ConformanceFixture.makeStore(engine)
            let outcomes = await Self.script(store)
            results.append((engine, outcomes, try await store.dump(), try await store.fetchSnapshot(dataLockDate: Self.today)))
            await store.close()
        }
        let (_, outcomes, dump, snapshot) = results[0]
        #expect(outcomes.filter { $0.contains(" !! ") }.map { $0.components(separatedBy: " !! ")[0] } == ["screen bad", "link again"],
                "\(outcomes)")
        #expect(outcomes.last == "verify -> true")
        #expect(dump.screenings.count == 4 && snapshot.screenings.count == 3)
        for (engine, other, otherDump, otherSnapshot) in results.dropFirst() {
            #expect(other == outcomes, "\(engine)")
            #expect(otherDump.screenings == dump.screenings, "\(engine)")
            #expect(ConformanceFixture.clockFree(otherDump.auditLog) == ConformanceFixture.clockFree(dump.auditLog))
            #expect(otherSnapshot == snapshot, "\(engine)")
        }
        // A copy to a new SQLite file (and, with PostgreSQL, there and back) holds the same rows and verifies.
        let (store, address) = try await ConformanceFixture.makeStore(.sqlite)
        _ = await Self.script(store)
        let directory = try TestPaths.temporaryDirectory()
        var route = [address]
        if Engine.postgresURL != nil { route.append(try await PostgresTestDatabase.create().url) }
        route.append(directory.appendingPathComponent("back.sqlite").path)
        for (from, to) in zip(route, route.dropFirst()) {
            _ = try await StudyCopy.copy(from: StudyAddress(from), to: StudyAddress(to))
        }
        let original = try await store.dump()
        let back = try StudyStore.open(at: route.last!)
        #expect(try back.dump() == original)
        #expect(try back.dump().screenings.count == 4)
        #expect(try back.verifyAuditChain().isIntact)
        await store.close()
    }
}
