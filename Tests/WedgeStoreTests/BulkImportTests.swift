// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore

/// The 100,000-participant import. Off by default (about half a minute in a debug build); run it with
/// `WEDGE_STORE_BULK=1 swift test --filter BulkImportTests`.
@Suite("Bulk import at scale", .enabled(if: ProcessInfo.processInfo.environment["WEDGE_STORE_BULK"] != nil))
struct BulkImportTests {
    @Test("100,000 participants import, read back and verify")
    func hundredThousand() throws {
        let (store, directory) = try StoreFixture.makeStore(.file)
        let schedule = try store.fetchSchedule()
        let sites = schedule.protocol.sites.map(\.id)
        let start = schedule.protocol.calendar.startDate
        let records = (0..<100_000).map { i in
            StoreFixture.record(String(format: "Q%06d", i), site: sites[i % sites.count],
                                admitted: start.adding(days: i % 400).iso)
        }
        let rows = try StoreFixture.enroll(records, schedule: schedule)
        let clock = ContinuousClock()
        let importTime = try clock.measure { try store.importParticipants(rows, source: "bulk.csv", actor: "tester") }
        var snapshot: StudySnapshot?
        let readTime = try clock.measure { snapshot = try store.fetchSnapshot(dataLockDate: StoreFixture.today) }
        var verification: AuditVerification?
        let verifyTime = try clock.measure { verification = try store.verifyAuditChain() }
        print("bulk: import \(importTime), snapshot \(readTime), verify \(verifyTime)")
        #expect(snapshot?.enrollments.count == 100_000)
        #expect(verification?.isIntact == true)
        _ = directory
    }
}
