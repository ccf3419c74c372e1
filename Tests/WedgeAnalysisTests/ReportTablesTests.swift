// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeAnalysis
import WedgeCore

/// The report's tables agree with direct counts of the sample data, and the renderers produce well-formed
/// LaTeX, JSON and HTML.
@Suite("Report tables")
struct ReportTablesTests {
    static let snapshot = SummaryTablesTests.snapshot
    static let data = ReportData(snapshot)

    @Test("CONSORT: the flow adds up, and non-initiation reasons add up to the non-initiated")
    func consort() throws {
        let table = ConsortTables.flow(Self.data)
        func row(_ label: String) throws -> [String] { try #require(table.rows.first { $0[0] == label }) }
        func count(_ cell: String) -> Int { Int(cell.split(separator: " ")[0])! }
        let enrolled = try row("Enrolled"), analysed = try row("Primary analysis set")
        let initiated = try row("Initiated: first injection"), notInitiated = try row("Not initiated")
        let reasonRows = table.rows.drop { $0[0] != "Not initiated" }.dropFirst().prefix { $0[0].hasPrefix("  ") }
        #expect(reasonRows.count == Self.snapshot.protocol.outcomes.nonInitiationReasons.count + 1)
        for c in 1..<table.columns.count {
            #expect(count(enrolled[c]) == count(analysed[c]))  // no transition window in CTN-0097
            #expect(count(initiated[c]) + count(notInitiated[c]) == count(analysed[c]))
            #expect(reasonRows.map { count($0[c]) }.reduce(0, +) == count(notInitiated[c]))
        }
        #expect(count(enrolled.last!) == Self.snapshot.enrollments.count)
        let rapid = Self.snapshot.enrollments.filter { $0.conditionID == "rapid" }
        let rapidInitiated = rapid.filter { $0.isInitiated(under: Self.snapshot.protocol.outcomes) }.count
        #expect(initiated[2] == NumberFormat.countPercent(rapidInitiated, of: rapid.count))
    }

    @Test("Sequences: one row per sequence, totals match the enrollment count")
    func sequences() throws {
        let table = ConsortTables.sequences(Self.data)
        #expect(table.rows.count == 7)
        #expect(table.rows[0][0] == "1 RRRRR" && table.rows[5][0] == "6 SSSSS")
        #expect(table.rows.last!.last == "\(Self.snapshot.enrollments.count)")
    }

    @Test("Table 1: age mean and SD, and sex counts, match a direct computation")
    func baseline() throws {
        let table = BaselineTable.table(Self.data)
        #expect(table.columns.last == "SMD")
        let ages = Self.snapshot.enrollments.filter { $0.conditionID == "standard" }
            .compactMap { $0.record.baseline["age"].flatMap(Double.init) }
        let mean = ages.reduce(0, +) / Double(ages.count)
        let sd = (ages.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(ages.count - 1)).squareRoot()
        let ageRow = try #require(table.rows.first { $0[0] == "Age, years, mean (SD)" })
        #expect(ageRow[1] == "\(NumberFormat.fixed(mean, 1)) (\(NumberFormat.fixed(sd, 1)))")
        let sexIndex = try #require(table.rows.firstIndex { $0[0] == "Sex, n (%)" })
        let male = table.rows[sexIndex + 1]
        #expect(male[0] == "  male")
        let rapid = Self.snapshot.enrollments.filter { $0.conditionID == "rapid" }
        let rapidMale = rapid.filter { $0.record.baseline["sex"] == "male" }.count
        #expect(male[2] == NumberFormat.countPercent(rapidMale, of: rapid.count))
        let all = Self.snapshot.enrollments.filter { $0.record.baseline["sex"] == "male" }.count
        #expect(male[3] == NumberFormat.countPercent(all, of: Self.snapshot.enrollments.count))
        // race_ethnicity is optional: its missing row appears only if some value is missing.
        let missingRace = Self.snapshot.enrollments.filter { $0.record.baseline["race_ethnicity"] == nil }.count
        let raceIndex = try #require(table.rows.firstIndex { $0[0] == "Race and ethnicity, n (%)" })
        let raceMissing = table.rows[(raceIndex + 1)...].prefix { $0[0].hasPrefix("  ") }.first { $0[0] == "  missing" }
        #expect((raceMissing?[3]).map { Int($0)! } == (missingRace > 0 ? missingRace : nil))
    }

    @Test("Safety: events and participants with events are counted by condition")
    func safety() throws {
        var snapshot = Self.snapshot
        let rapid = snapshot.enrollments.filter { $0.conditionID == "rapid" }.prefix(3).map(\.record.id)
        let standard = try #require(snapshot.enrollments.first { $0.conditionID == "standard" }).record.id
        let day = CivilDate(iso: "2021-06-01")!
        snapshot.adverseEvents = [
            AdverseEvent(id: 1, participantID: rapid[0], date: day, description: "x", isSerious: false),
            AdverseEvent(id: 2, participantID: rapid[0], date: day, description: "x", isSerious: true),
            AdverseEvent(id: 3, participantID: rapid[1], date: day, description: "x", isSerious: false),
            AdverseEvent(id: 4, participantID: standard, date: day, description: "x", isSerious: false),
        ]
        let table = SafetyTable.table(ReportData(snapshot))
        let nRapid = snapshot.enrollments.filter { $0.conditionID == "rapid" }.count
        #expect(table.rows[0][2] == NumberFormat.countPercent(2, of: nRapid))
        #expect(table.rows[1].dropFirst() == ["1", "3", "4"])
        #expect(table.rows[2][2] == NumberFormat.countPercent(1, of: nRapid))
        #expect(table.rows[3].dropFirst() == ["0", "1", "1"])
    }

    @Test("LaTeX is balanced and escaped; JSON parses; HTML holds every table and figure")
    func formats() throws {
        let report = StudyReport(Self.snapshot)
        let latex = report.render(as: .latex)
        #expect(latex.components(separatedBy: "\\begin{table}").count == report.tables.count + 1)
        #expect(latex.components(separatedBy: "\\end{table}").count == report.tables.count + 1)
        #expect(latex.contains("\\toprule") && !latex.contains("–"))
        #expect(!latex.contains(try Regex("[^\\\\]%")), "an unescaped % would start a LaTeX comment")
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        let tables = try #require(json?["tables"] as? [[String: Any]])
        #expect(tables.map { $0["id"] as? String } == ReportCatalog.tableIDs)
        let html = report.html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for table in report.tables { #expect(html.contains("id=\"table-\(table.id)\"")) }
        for figure in report.figures { #expect(html.contains("id=\"figure-\(figure.id)\"")) }
        #expect(html.components(separatedBy: "<svg ").count == report.figures.count + 1)
        #expect(html.contains(Self.snapshot.loadedProtocol.digest) && html.contains("2026-01-01"))
        for external in ["<script", "<link", "src=", "url("] { #expect(!html.contains(external), "\(external)") }
    }

    @Test("Unknown table ids are refused with a suggestion")
    func unknownTable() {
        #expect(throws: ReportError.unknownTable("baseine", suggestion: "baseline")) {
            try ReportCatalog.table("baseine", of: Self.snapshot)
        }
        #expect(throws: ReportError.unknownTable("zzz", suggestion: nil)) {
            try ReportCatalog.table("zzz", of: Self.snapshot)
        }
    }
}
