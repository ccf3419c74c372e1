// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeAnalysis
import WedgeCore

/// The whole report of the sample study (CTN-0097 protocol, `SampleData/ctn-0097-participants.csv`, seed
/// `swift-129`, data lock 2026-01-01), pinned byte for byte in text, Markdown, CSV, LaTeX and JSON.
@Suite("Report snapshots")
struct ReportSnapshotTests {
    static let report = StudyReport(SummaryTablesTests.snapshot)

    @Test("Text, Markdown, CSV, LaTeX and JSON match the snapshots", arguments: [
        (TableFormat.text, "sample-report.txt"), (.markdown, "sample-report.md"), (.csv, "sample-report.csv"),
        (.latex, "sample-report.tex"), (.json, "sample-report.json"),
    ])
    func snapshot(format: TableFormat, file: String) throws {
        try SnapshotFile.expectMatch(Self.report.render(as: format), named: file)
    }

    @Test("Each table's CSV file matches its block in the CSV snapshot")
    func csvFiles() {
        let files = Self.report.csvFiles()
        #expect(files.map(\.name) == ReportCatalog.tableIDs.map { "\($0).csv" })
        let joined = files.map { "# \($0.name.dropLast(4))\n" + $0.contents }.joined(separator: "\n")
        #expect(joined == Self.report.render(as: .csv))
    }

    @Test("The same snapshot gives byte-identical output, HTML included")
    func reproducible() {
        let again = StudyReport(SummaryTablesTests.snapshot)
        #expect(again.html() == Self.report.html())
        #expect(again.render(as: .latex) == Self.report.render(as: .latex))
    }
}
