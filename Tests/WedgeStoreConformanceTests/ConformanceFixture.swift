// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore
@testable import WedgeStore
@testable import WedgeStorePostgres
import WedgeTestSupport
import WedgeTestSupportPostgres

/// Fresh studies on either engine, from the shipped CTN-0097 protocol and a fixed seed.
enum ConformanceFixture {
    static let seed = "wedge-conformance"
    static let createdAt = "2024-05-01T09:30:00Z"
    static let today = CivilDate(iso: "2023-01-01")!

    static func loaded() throws -> LoadedProtocol {
        try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml"))
    }

    static func schedule(_ loaded: LoadedProtocol) -> Schedule { Randomizer.randomize(loaded.protocol, seed: seed) }

    /// A new study on `engine`, and where it is (a SQLite path or a PostgreSQL URL).
    static func makeStore(_ engine: Engine) async throws -> (store: any StudyEngine, address: String) {
        let loaded = try loaded()
        switch engine {
        case .sqlite:
            let path = try TestPaths.temporaryDirectory().appendingPathComponent("study.sqlite").path
            return (try StudyStore.create(at: path, protocol: loaded, schedule: schedule(loaded), createdAt: createdAt), path)
        case .postgres:
            let database = try await PostgresTestDatabase.create()
            let store = try await PostgresStudyStore.create(url: database.url, protocol: loaded,
                                                            schedule: schedule(loaded), createdAt: createdAt)
            return (store, database.url)
        }
    }

    /// A complete, valid record (``WedgeTestSupport/SampleRecords/complete(_:site:admitted:)``).
    static func record(_ id: String, site: String = "unit-a", admitted: String = "2021-04-01") -> ParticipantRecord {
        SampleRecords.complete(id, site: site, admitted: admitted)
    }

    /// A record with only its admission: outcomes to be recorded later.
    static func admitted(_ id: String, site: String = "unit-b", admitted: String = "2021-09-01") -> ParticipantRecord {
        ParticipantRecord(id: id, siteID: site, admissionDate: CivilDate(iso: admitted)!,
                          baseline: ["age": "41", "sex": "male", "insured": "no", "opioid_days_30": "30"],
                          outcome: InductionOutcome())
    }

    /// `records` enrolled with the schedule's rules, ready for an import.
    static func enrolled(_ records: [ParticipantRecord], schedule: Schedule) -> [(enrollment: Enrollment, flags: [OutcomeFlag])] {
        try! SampleRecords.enroll(records, schedule: schedule, today: today)
    }

    /// The audit log without what depends on the clock (the time, and so the hashes).
    static func clockFree(_ log: [AuditEntry]) -> [String] {
        log.map { e in
            [String(e.id), e.actor, e.action.rawValue, e.table, e.recordID ?? "-", e.field ?? "-", e.oldValue ?? "-",
             e.newValue ?? "-", e.reason ?? "-"].joined(separator: "|")
        }
    }
}
