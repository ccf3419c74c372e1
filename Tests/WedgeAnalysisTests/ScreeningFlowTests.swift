// SPDX-License-Identifier: Apache-2.0

import Testing
@testable import WedgeAnalysis
import WedgeCore
import WedgeTestSupport

/// The CONSORT flow from screening: every step adds up, on the sample study and on a case counted by hand; and the
/// screening rates table.
@Suite("CONSORT from screening")
struct ScreeningFlowTests {
    /// The sample protocol and schedule with `enrollments` and `screenings`.
    static func snapshot(enrollments: [Enrollment], screenings: [ScreeningRecord]) -> StudySnapshot {
        let base = SampleSnapshot.value
        return StudySnapshot(loadedProtocol: base.loadedProtocol, schedule: base.schedule, enrollments: enrollments,
                             dataLockDate: base.dataLockDate, screenings: screenings)
    }

    static func screening(
        _ id: String, _ condition: String, eligible: Bool = true, reason: String? = nil, consented: Bool? = true,
        participant: String? = nil
    ) -> ScreeningRecord {
        ScreeningRecord(entry: ScreeningEntry(id: id, siteID: "unit-a", screeningDate: CivilDate(iso: "2021-04-01")!,
                                              isEligible: eligible, ineligibleReason: reason,
                                              consented: eligible ? consented : nil, participantID: participant),
                        conditionID: condition, period: 0)
    }

    static func enrollment(_ id: String, _ condition: String) -> Enrollment {
        Enrollment(record: ParticipantRecord(id: id, siteID: "unit-a", admissionDate: CivilDate(iso: "2021-04-01")!),
                   conditionID: condition, period: 0, isTransition: false, isInPrimaryAnalysis: true)
    }

    /// The label column and the counts of one row of the CONSORT table.
    static func row(_ table: ReportTable, _ label: String) -> [String]? {
        table.rows.first { $0[0] == label }.map { Array($0.dropFirst()) }
    }

    @Test("On the sample study every step adds up in every column, and the table shows the steps")
    func sampleAddsUp() throws {
        let snapshot = SampleSnapshot.value
        let flow = ScreeningFlow(snapshot)
        #expect(flow.inconsistencies.isEmpty, "\(flow.inconsistencies)")
        #expect(flow.screened.last == snapshot.screenings.count && flow.enrolled.last == snapshot.enrollments.count)
        #expect(flow.enrolledWithoutScreening.last == 0 && flow.enrolledFromScreening.last == snapshot.enrollments.count)
        #expect(flow.notEligible.last! > 0 && flow.declinedConsent.last! > 0)
        let table = ConsortTables.flow(ReportData(snapshot))
        #expect(table.rows.first?.first == "Assessed for eligibility (screened)")
        #expect(Self.row(table, "Assessed for eligibility (screened)") == flow.screened.map(String.init))
        #expect(Self.row(table, "Enrolled") == flow.enrolled.map(String.init))
        #expect(Self.row(table, "Enrolled without a screening record") == nil)  // none: the line is left out
        for reason in snapshot.protocol.outcomes.screeningExclusionReasons {
            #expect(Self.row(table, "  " + reason.label) != nil)
        }
    }

    @Test("A hand-built case: counts by reason and by condition, a person enrolled without a screening record")
    func handBuilt() throws {
        let screenings = [
            Self.screening("s1", "standard", participant: "p1"),
            Self.screening("s2", "rapid", participant: "p2"),
            // Screened under standard, enrolled under rapid (a crossover in between): follows the person.
            Self.screening("s3", "standard", participant: "p3"),
            Self.screening("s4", "standard", eligible: false, reason: "pregnant"),
            Self.screening("s5", "rapid", eligible: false, reason: "pregnant"),
            Self.screening("s6", "rapid", eligible: false, reason: "no-oud"),
            Self.screening("s7", "standard", consented: false),
            Self.screening("s8", "rapid"),  // consented, not (yet) enrolled
            Self.screening("s9", "rapid", participant: "p-deleted"),  // its participant is not in the snapshot
        ]
        let enrollments = [Self.enrollment("p1", "standard"), Self.enrollment("p2", "rapid"), Self.enrollment("p3", "rapid"),
                           Self.enrollment("p4", "standard")]
        let flow = ScreeningFlow(Self.snapshot(enrollments: enrollments, screenings: screenings))
        let conditions = SampleSnapshot.value.protocol.conditions.map(\.id)
        let standard = conditions.firstIndex(of: "standard")!, rapid = conditions.firstIndex(of: "rapid")!
        func by(_ s: Int, _ r: Int) -> [Int] {
            var counts = [0, 0, s + r]
            counts[standard] = s
            counts[rapid] = r
            return counts
        }
        #expect(flow.screened == by(3, 6))
        #expect(flow.notEligible == by(1, 2))
        let reasons = SampleSnapshot.value.protocol.outcomes.screeningExclusionReasons.map(\.id)
        #expect(flow.notEligibleByReason[reasons.firstIndex(of: "pregnant")!] == by(1, 1))
        #expect(flow.notEligibleByReason[reasons.firstIndex(of: "no-oud")!] == by(0, 1))
        #expect(flow.declinedConsent == by(1, 0))
        #expect(flow.consented == by(1, 4))
        #expect(flow.consentedNotEnrolled == by(0, 2))
        #expect(flow.enrolledFromScreening == by(1, 2))
        #expect(flow.enrolledWithoutScreening == by(1, 0))
        #expect(flow.enrolled == by(2, 2))
        #expect(flow.inconsistencies.isEmpty, "\(flow.inconsistencies)")
        let table = ConsortTables.flow(ReportData(Self.snapshot(enrollments: enrollments, screenings: screenings)))
        #expect(Self.row(table, "Enrolled without a screening record")?.last == "1")
        #expect(Self.row(table, "Excluded: eligible, declined consent")?.last == "1")

        // A flow that does not add up is reported, so the check can fail.
        var broken = flow
        broken.consented[standard] += 1
        #expect(!broken.inconsistencies.isEmpty)
    }

    @Test("Without a screening log the flow starts at enrollment, as before")
    func noLog() {
        let base = SampleSnapshot.value
        let table = ConsortTables.flow(ReportData(Self.snapshot(enrollments: base.enrollments, screenings: [])))
        #expect(table.rows.first?.first == "Enrolled")
        #expect(!table.rows.contains { $0[0].hasPrefix("Assessed") })
    }

    @Test("Screening rates by site × period and by condition count each screening once, by its stamped condition")
    func rates() {
        let snapshot = SampleSnapshot.value
        let table = ScreeningRateTables.bySitePeriod(snapshot)
        let cells = table.rows.filter { $0[0].hasPrefix("unit-") }
        let conditions = table.rows.filter { $0[0] == "All sites" }
        let total = table.rows.last!
        #expect(total[0] == "Total" && total[3] == String(snapshot.screenings.count))
        #expect(cells.map { Int($0[3])! }.reduce(0, +) == snapshot.screenings.count)
        #expect(conditions.map { Int($0[3])! }.reduce(0, +) == snapshot.screenings.count)
        for condition in snapshot.protocol.conditions {
            let expected = snapshot.screenings.filter { $0.conditionID == condition.id }
            let row = conditions.first { $0[2] == condition.label }
            #expect(row?[3] == String(expected.count))
            #expect(row?[5] == String(expected.filter { $0.isEligible && $0.consented == true }.count))
        }
        #expect(Int(total[6]) == snapshot.enrollments.count)
    }
}
