// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeCore
import WedgeTestSupport

/// The coordinators' "due this week" worklist: the next injection's window, from the protocol, overlapping the
/// coming week.
@Suite("Injections due soon")
struct DueInjectionsTests {
    static func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    @Test("the second injection is due from the week before its window opens until the window closes")
    func second() throws {
        let (snapshot, _) = try DataExportTests.snapshot(InductionOutcome(
            inductionStartDate: Self.d("2021-04-02"), firstInjectionDate: Self.d("2021-04-08")))
        let window = snapshot.protocol.outcomes.secondInjectionWindow
        let opens = Self.d("2021-04-08").adding(days: window.lowerBound)
        let closes = Self.d("2021-04-08").adding(days: window.upperBound)
        #expect(DueInjections.find(in: snapshot, today: opens.adding(days: -8)).isEmpty)
        let first = DueInjections.find(in: snapshot, today: opens.adding(days: -7))
        #expect(first == [DueInjection(participantID: "X1", siteID: "unit-a", field: .secondInjectionDate,
                                        opens: opens, closes: closes)])
        #expect(DueInjections.find(in: snapshot, today: closes).count == 1)
        // Once closed it is an open query, not a due injection.
        #expect(DueInjections.find(in: snapshot, today: closes.adding(days: 1)).isEmpty)
    }

    @Test("the third follows the second; a dropout or a recorded injection ends it; none before a first injection")
    func third() throws {
        let (after, _) = try DataExportTests.snapshot(InductionOutcome(
            firstInjectionDate: Self.d("2021-04-08"), secondInjectionDate: Self.d("2021-05-06")))
        let window = after.protocol.outcomes.thirdInjectionWindow
        let due = DueInjections.find(in: after, today: Self.d("2021-05-06").adding(days: window.lowerBound))
        #expect(due.map(\.field) == [.thirdInjectionDate])
        let (dropped, _) = try DataExportTests.snapshot(InductionOutcome(
            firstInjectionDate: Self.d("2021-04-08"), dropoutDate: Self.d("2021-04-20")))
        #expect(DueInjections.find(in: dropped, today: Self.d("2021-05-06")).isEmpty)
        let (none, _) = try DataExportTests.snapshot(InductionOutcome(inductionStartDate: Self.d("2021-04-02")))
        #expect(DueInjections.find(in: none, today: Self.d("2021-04-20")).isEmpty)
        let (all, _) = try DataExportTests.snapshot(InductionOutcome(
            firstInjectionDate: Self.d("2021-04-08"), secondInjectionDate: Self.d("2021-05-06"),
            thirdInjectionDate: Self.d("2021-06-03")))
        #expect(DueInjections.find(in: all, today: Self.d("2021-06-10")).isEmpty)
    }
}
