// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeAnalysis
import WedgeCore
import WedgeTestSupport

@Suite("Summary tables")
struct SummaryTablesTests {
    /// The sample study, enrolled without a database: the same path the store takes, minus SQL.
    static let snapshot = SampleSnapshot.value

    @Test("Enrollment cells add up, and each cell carries the scheduled condition")
    func enrollment() throws {
        let table = EnrollmentTables.bySitePeriod(Self.snapshot)
        #expect(table.rows.count == 7)  // six sites and the total
        let total = try #require(table.rows.last)
        #expect(total.last == "\(Self.snapshot.enrollments.count)")
        for row in table.rows.dropLast() {
            let cells = row[2..<(row.count - 1)]
            let sum = cells.map { Int($0.split(separator: " ")[0])! }.reduce(0, +)
            #expect("\(sum)" == row.last)
            let site = row[0]
            let expected = Self.snapshot.schedule.conditions(of: site)!.map { $0 == "rapid" ? "R" : "S" }
            #expect(cells.map { String($0.split(separator: " ")[1]) } == expected)
        }
    }

    @Test("Initiation counts match a direct count of the data")
    func initiation() {
        let table = OutcomeTables.initiationByCondition(Self.snapshot)
        for (row, id) in zip(table.rows, ["standard", "rapid"]) {
            let group = Self.snapshot.enrollments.filter { $0.conditionID == id }
            let initiated = group.filter { $0.record.outcome.firstInjectionDate != nil }.count
            #expect(row[1] == "\(group.count)")
            #expect(row[2].hasPrefix("\(initiated) ("))
        }
    }

    @Test("Renderers: text is aligned, Markdown has a header rule, CSV round-trips")
    func renderers() throws {
        let table = OutcomeTables.initiationByCondition(Self.snapshot)
        let text = TableRenderer.render(table, as: .text)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "Initiation (first XR-naltrexone injection) by condition")
        #expect(lines[1].allSatisfy { $0 == "─" })
        let md = TableRenderer.render(table, as: .markdown)
        #expect(md.contains("| :--- | ---: | ---: | ---: |"))
        let csv = TableRenderer.render(table, as: .csv)
        let parsed = try CSVParser().parse(csv)
        #expect(parsed.map(\.fields) == [table.columns] + table.rows)
    }

    @Test("The design diagram and calendar file are well formed and deterministic")
    func plots() {
        let schedule = Self.snapshot.schedule
        let svg = DesignDiagram.svg(schedule)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 30 + 2)  // 6 × 5 cells and 2 legend keys
        #expect(svg == DesignDiagram.svg(schedule))
        let ics = ScheduleCalendarFile.ics(schedule)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 8)  // 4 crossovers × (notice + switch)
        #expect(ics.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }
}
