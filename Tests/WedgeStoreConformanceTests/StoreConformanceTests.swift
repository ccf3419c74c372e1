// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore
@testable import WedgeStorePostgres
import WedgeTestSupport
import WedgeTestSupportPostgres

/// One conformance suite for both storage engines: the same operations give the same outcomes, rows, snapshots and
/// audit entries on SQLite and on a real PostgreSQL.
@Suite("Store conformance (SQLite and PostgreSQL)")
struct StoreConformanceTests {
    @Test("PostgreSQL is reachable when the run requires it")
    func postgresRequired() {
        if Engine.postgresRequired {
            #expect(Engine.postgresURL != nil, "WEDGE_REQUIRE_POSTGRES=1 but WEDGE_TEST_POSTGRES is not set")
        }
    }

    @Test("Every step of the script gives the same outcome, rows and snapshot on every engine")
    func sameOutcomes() async throws {
        var results: [(Engine, [String], StudyDump, StudySnapshot)] = []
        for engine in Engine.available {
            let (store, _) = try await ConformanceFixture.makeStore(engine)
            let outcomes = await ConformanceScript.run(store)
            let dump = try await store.dump()
            let snapshot = try await store.fetchSnapshot(dataLockDate: ConformanceFixture.today)
            await store.close()
            results.append((engine, outcomes, dump, snapshot))
        }
        let (_, outcomes, dump, snapshot) = results[0]
        // The script itself behaves as designed on SQLite, the reference engine.
        let refused = ["enroll P001 again", "enroll in the future", "enroll at an unknown site", "enroll without actor",
                       "enroll injection before admission", "record N001 a different injection date",
                       "record N001 a malformed date", "record a missing participant", "correct P001 an unknown field",
                       "correct P001 without reason", "correct P001 unchanged", "adverse event in the future",
                       "delete N001 without reason", "record on deleted N001",
                       "import with a bad row halfway, all or nothing", "import an id already stored",
                       "events, all or nothing"]
        #expect(outcomes.filter { $0.contains(" !! ") }.map { $0.components(separatedBy: " !! ")[0] } == refused,
                "\(outcomes.joined(separator: "\n"))")
        #expect(outcomes.contains("count after the refused import -> 2"))
        #expect(outcomes.contains { $0.hasPrefix("import the valid rows only -> stored 19, refused") })
        #expect(outcomes.contains { $0.hasPrefix("events, valid only -> 2 participants, 2 fields") })
        // A flag added, then removed by a correction; a baseline value removed.
        func outcome(_ step: String) -> String? {
            outcomes.first { $0.hasPrefix(step + " -> ") }.map { String($0.dropFirst(step.count + 4)) }
        }
        #expect(outcome("record P001 the other procedure (a deviation)")?.contains("flags [WedgeCore.OutcomeFlag.deviation") == true)
        #expect(outcome("correct P001 procedure back to none")?.contains("deviation") == false)
        #expect(outcome("correct P001 insured to none")?.contains("insured") == false)
        #expect(outcome("correct P001 insured to none")?.contains("age") == true)
        #expect(outcomes.last == "verify -> intact true entries \(dump.auditLog.count) problems 0")
        let enrolled = snapshot.enrollments.count
        #expect(enrolled == 20)  // P001 and the 19 valid imported rows; N001 was deleted
        for (engine, other, otherDump, otherSnapshot) in results.dropFirst() {
            for (a, b) in zip(outcomes, other) { #expect(a == b, "\(engine)") }
            #expect(other.count == outcomes.count)
            #expect(otherDump.participants == dump.participants, "\(engine)")
            #expect(otherDump.adverseEvents == dump.adverseEvents, "\(engine)")
            #expect(otherDump.study == dump.study, "\(engine)")
            #expect(otherDump.sites == dump.sites, "\(engine)")
            #expect(ConformanceFixture.clockFree(otherDump.auditLog) == ConformanceFixture.clockFree(dump.auditLog))
            #expect(otherSnapshot == snapshot, "\(engine)")
        }
    }

    @Test("Enrollment stamps the condition from the stored schedule", arguments: Engine.available)
    func stamping(engine: Engine) async throws {
        let (store, _) = try await ConformanceFixture.makeStore(engine)
        let schedule = try await store.fetchSchedule()
        for (index, site) in schedule.protocol.sites.enumerated() {
            for admitted in ["2021-04-01", "2021-07-20", "2021-11-01", "2022-02-15"] {
                let record = ConformanceFixture.record("S\(index)-\(admitted)", site: site.id, admitted: admitted)
                let cell = try #require(schedule.cell(siteID: site.id, on: record.admissionDate))
                let (enrollment, _) = try await store.enroll(record, actor: "c", today: ConformanceFixture.today)
                #expect(enrollment.conditionID == cell.conditionID && enrollment.period == cell.period)
            }
        }
        await store.close()
    }

    @Test("An all-or-nothing import that fails halfway leaves every row as it was", arguments: Engine.available)
    func failedImportWritesNothing(engine: Engine) async throws {
        let (store, _) = try await ConformanceFixture.makeStore(engine)
        let schedule = try await store.fetchSchedule()
        _ = try await store.enroll(ConformanceFixture.record("A001"), actor: "c", today: ConformanceFixture.today)
        let before = try await store.dump()
        var rows = ConformanceFixture.enrolled((1...500).map { ConformanceFixture.record("B\($0)") }, schedule: schedule)
        rows[250] = rows[0]  // a repeated id halfway
        await #expect(throws: StoreError.self) {
            _ = try await store.importParticipants(rows, source: "b.csv", actor: "dm", mode: .allOrNothing)
        }
        #expect(try await store.dump() == before)
        await store.close()
    }

    @Test("Guard triggers refuse changing the log, the study and sites, and deleting participants",
          arguments: Engine.available)
    func guards(engine: Engine) async throws {
        let (store, address) = try await ConformanceFixture.makeStore(engine)
        _ = try await store.enroll(ConformanceFixture.record("G001"), actor: "c", today: ConformanceFixture.today)
        let before = try await store.dump()
        let attempts = [
            "UPDATE audit_log SET actor = 'x' WHERE id = 1", "DELETE FROM audit_log WHERE id = 2",
            "UPDATE study SET seed = 'x'", "DELETE FROM study", "UPDATE site SET sequence_index = 0",
            "DELETE FROM site", "DELETE FROM participant WHERE id = 'G001'",
            "INSERT INTO study (id, title, protocol_text, protocol_digest, seed, algorithm, wedge_version, created_at) "
                + "VALUES ('s2', 't', 'p', 'd', 's', 'a', 'v', 'c')",
        ] + (engine == .postgres ? ["TRUNCATE audit_log", "TRUNCATE study CASCADE", "TRUNCATE participant CASCADE"] : [])
        for sql in attempts {
            await #expect(throws: (any Error).self, "\(engine): \(sql)") {
                switch engine {
                case .sqlite: try (store as! StudyStore).executeUncheckedSQL(sql)
                case .postgres: try await PostgresTestDatabase.execute(sql, url: address)
                }
            }
        }
        #expect(try await store.dump() == before)
        await store.close()
    }
}
