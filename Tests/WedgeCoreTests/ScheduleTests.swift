// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeCore
import WedgeTestSupport

@Suite("Dated schedules")
struct ScheduleTests {
    @Test("Cells, crossovers and notice dates for ctn-0097")
    func ctn() throws {
        let proto = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml")).protocol
        let schedule = Randomizer.randomize(proto, seed: "20210316")  // unit-f follows SRRRR
        let d = { (s: String) in CivilDate(iso: s)! }
        #expect(schedule.cell(siteID: "unit-f", on: d("2021-06-21"))?.conditionID == "standard")
        #expect(schedule.cell(siteID: "unit-f", on: d("2021-06-22"))?.conditionID == "rapid")
        #expect(schedule.cell(siteID: "unit-f", on: d("2021-06-22"))?.period == 1)
        #expect(schedule.cell(siteID: "unit-f", on: d("2021-03-15")) == nil)
        #expect(schedule.cell(siteID: "unit-f", on: d("2022-07-19")) == nil)
        #expect(schedule.cell(siteID: "unit-z", on: d("2021-06-22")) == nil)
        let crossovers = schedule.allCrossovers
        #expect(crossovers.map(\.date.iso) == ["2021-06-22", "2021-09-28", "2022-01-04", "2022-04-12"])
        #expect(crossovers.map(\.noticeDate.iso) == ["2021-05-25", "2021-08-31", "2021-12-07", "2022-03-15"])
        #expect(crossovers.allSatisfy { $0.transitionEnd == nil })
        // The bookend sequences never cross: RRRRR (unit-b) and SSSSS (unit-a).
        #expect(schedule.crossovers(of: "unit-a").isEmpty && schedule.crossovers(of: "unit-b").isEmpty)
    }

    @Test("Transition windows cover the first weeks after a crossover")
    func transition() throws {
        let proto = try ProtocolLoader.load(path: TestPaths.path("Protocols/general-sw-12x7.toml")).protocol
        let schedule = Randomizer.randomize(proto, seed: "7")
        let crossover = try #require(schedule.crossovers(of: "site-01").first)
        #expect(crossover.transitionEnd == crossover.date.adding(days: 13))
        #expect(schedule.cell(siteID: "site-01", on: crossover.date)?.isTransition == true)
        #expect(schedule.cell(siteID: "site-01", on: crossover.date.adding(days: 13))?.isTransition == true)
        #expect(schedule.cell(siteID: "site-01", on: crossover.date.adding(days: 14))?.isTransition == false)
        #expect(schedule.cell(siteID: "site-01", on: crossover.date.adding(days: -1))?.isTransition == false)
    }
}
