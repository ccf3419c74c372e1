// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeAnalysis
import WedgeCore

/// Empty and sparse data still render: every format, no crash, no NaN or infinity printed, "–" or a note
/// where a number cannot be computed.
@Suite("Report edge cases")
struct ReportEdgeCaseTests {
    static let sample = SummaryTablesTests.snapshot

    /// The sample with only the enrollments that `keep` accepts.
    static func filtered(_ keep: (Enrollment) -> Bool) -> StudySnapshot {
        var s = sample
        s.enrollments = s.enrollments.filter(keep)
        return s
    }

    /// Every rendering of the report of `snapshot`, concatenated.
    static func everything(_ snapshot: StudySnapshot) -> String {
        let report = StudyReport(snapshot)
        return TableFormat.allCases.map { report.render(as: $0) }.joined() + report.html()
    }

    /// Fails when `text` prints a non-number where a number belongs.
    static func expectNoNonNumbers(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let pattern = try! Regex("(?i)\\b(nan|inf|infinity)\\b")
        #expect(!text.contains(pattern), "the output prints NaN or infinity", sourceLocation: sourceLocation)
        #expect(!text.contains("∞"), "the output prints ∞", sourceLocation: sourceLocation)
    }

    @Test("A study with no participants renders every table and chart")
    func empty() throws {
        let snapshot = Self.filtered { _ in false }
        let text = Self.everything(snapshot)
        Self.expectNoNonNumbers(text)
        let report = StudyReport(snapshot)
        #expect(report.tables.count == ReportCatalog.tableIDs.count)
        let baseline = try #require(report.tables.first { $0.id == "baseline" })
        #expect(baseline.rows[1][1] == "–")  // age mean (SD) of an empty group
        let primary = try #require(report.tables.first { $0.id == "primary" })
        #expect(primary.rows.prefix(2).allSatisfy { $0[1] == "–" && $0[2] == "–" })
        #expect(report.figures.first { $0.id == "retention" }!.svg.contains("No participants at risk"))
    }

    @Test("A condition with no participants shows – and the charts say so")
    func conditionWithoutParticipants() throws {
        let snapshot = Self.filtered { $0.conditionID == "standard" }
        let text = Self.everything(snapshot)
        Self.expectNoNonNumbers(text)
        let report = StudyReport(snapshot)
        let initiation = try #require(report.tables.first { $0.id == "initiation-period" })
        let rapidRows = initiation.rows.filter { $0[2] == "Rapid procedure" }
        #expect(!rapidRows.isEmpty && rapidRows.allSatisfy { $0[3] == "0" && $0[4] == "–" && $0[5] == "–" })
        let baseline = try #require(report.tables.first { $0.id == "baseline" })
        #expect(baseline.columns[2] == "Rapid procedure (N = 0)")
        #expect(baseline.rows.dropFirst().allSatisfy { $0[2] == "–" || $0[2] == "0" || $0[2] == "" })
        #expect(report.figures.first { $0.id == "initiation-period" }!.svg.contains("No participants: P1 R"))
    }

    @Test("A site with no initiations, and a site with no participants")
    func sparseSites() throws {
        var snapshot = Self.filtered { $0.record.siteID != "unit-b" }
        snapshot.enrollments = snapshot.enrollments.map { e in
            guard e.record.siteID == "unit-a" else { return e }
            var e = e
            e.record.outcome.firstInjectionDate = nil
            e.record.outcome.secondInjectionDate = nil
            e.record.outcome.thirdInjectionDate = nil
            return e
        }
        Self.expectNoNonNumbers(Self.everything(snapshot))
        let table = InitiationTables.bySite(ReportData(snapshot))
        let siteA = table.rows.filter { $0[0] == "unit-a" }
        #expect(!siteA.isEmpty && siteA.allSatisfy { $0[4] == "0 (0.0%)" && $0[5].hasPrefix("0.0–") })
        let siteB = table.rows.filter { $0[0] == "unit-b" }
        #expect(!siteB.isEmpty && siteB.allSatisfy { $0[3] == "0" && $0[4] == "–" && $0[5] == "–" })
    }

    @Test("One participant: SDs and SMDs that cannot be computed print –")
    func singleParticipant() throws {
        let first = try #require(Self.sample.enrollments.first)
        let snapshot = Self.filtered { $0.record.id == first.record.id }
        Self.expectNoNonNumbers(Self.everything(snapshot))
        let baseline = BaselineTable.table(ReportData(snapshot))
        let age = try #require(baseline.rows.first { $0[0] == "Age, years, mean (SD)" })
        #expect(age.last == "–")
        #expect(age.contains { $0.hasSuffix("(–)") })
    }
}
