// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeTestSupport

/// Open queries at a trial's scale: `wedge status` summarises them (site × kind, then the oldest 20), and
/// `wedge queries` lists them for a worklist, filtered in WedgeCore (``OpenQueryFilter``).
@Suite("Open queries: status summary and the queries worklist")
struct QueriesCommandTests {
    /// A study of 600 participants whose outcomes are all missing, so that every one has open queries.
    static func largeStudy() throws -> (URL, String) {
        let (dir, db) = try RecorderSupport.study()
        let text = try RecorderSupport.csv(count: 600)
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let firstOutcome = try #require(header.firstIndex(of: "induction_start_date"))
        for i in 1..<lines.count {
            let fields = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            lines[i] = (fields[..<firstOutcome] + Array(repeating: "", count: header.count - firstOutcome))
                .joined(separator: ",")
        }
        let csv = dir.appendingPathComponent("p.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try CommandResult.wedge(["import", "--db", db, csv])
        #expect(imported.status == 0, "\(imported.stderr)")
        return (dir, db)
    }

    @Test("status on 600 participants prints counts by site and kind and the 20 oldest; --all prints every one")
    func statusSummary() throws {
        let (dir, db) = try Self.largeStudy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try CommandResult.wedge(["queries", "--db", db, "--as-of", "2024-01-01", "--format", "csv"])
        let total = all.stdout.split(separator: "\n").count - 1
        #expect(total >= 1_200, "\(total) queries")
        let status = try CommandResult.wedge(["status", "--db", db, "--as-of", "2024-01-01"])
        #expect(status.status == 0)
        #expect(status.stdout.split(separator: "\n").count < 70)
        #expect(status.stdout.contains("Open queries: \(total)") && status.stdout.contains("The 20 oldest"))
        #expect(status.stdout.contains("Open queries by site and kind") && status.stdout.contains("\nall "))
        #expect(status.stdout.contains("and \(total - 20) more"))
        let everything = try CommandResult.wedge(["status", "--db", db, "--as-of", "2024-01-01", "--all"])
        #expect(everything.stdout.split(separator: "\n").count > total)
    }

    @Test("queries filters by site and kind, oldest first, as text, CSV or JSON; bad filters are refused")
    func worklist() throws {
        let (dir, db) = try Self.largeStudy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = ["queries", "--db", db, "--as-of", "2024-01-01"]
        let csv = try CommandResult.wedge(base + ["--format", "csv"]).stdout.split(separator: "\n").dropFirst()
        let rows = csv.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { $0[0] } == rows.map { $0[0] }.sorted(), "oldest first")
        let site = try CommandResult.wedge(base + ["--site", "unit-b", "--kind", "missing-outcome", "--format", "csv"])
        let expected = rows.filter { $0[2] == "unit-b" && $0[3] == "missing-outcome" }.count
        #expect(expected > 0 && site.stdout.split(separator: "\n").count - 1 == expected)
        let json = try CommandResult.wedge(base + ["--site", "unit-b", "--format", "json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        #expect(items.count == rows.filter { $0[2] == "unit-b" }.count && items.allSatisfy { $0["site_id"] == "unit-b" })
        let text = try CommandResult.wedge(base + ["--kind", "missing-outcome"])
        #expect(text.stdout.split(separator: "\n").count == rows.filter { $0[3] == "missing-outcome" }.count)
        #expect(try CommandResult.wedge(base + ["--kind", "late"]).status == 64)
        #expect(try CommandResult.wedge(base + ["--site", "unit-z"]).status == 1)
    }

    @Test("OpenQueryFilter keeps a site's or a kind's queries, oldest first, and counts by site and kind")
    func filter() {
        func q(_ id: String, _ site: String, _ kind: OpenQuery.Kind, _ since: String?) -> OpenQuery {
            OpenQuery(participantID: id, siteID: site, kind: kind, field: "f", detail: "d",
                      since: since.flatMap(CivilDate.init(iso:)))
        }
        let queries = [q("P3", "b", .deviation, "2021-03-01"), q("P1", "a", .missingOutcome, "2021-05-01"),
                       q("P2", "a", .deviation, nil), q("P4", "a", .missingOutcome, "2021-01-01")]
        #expect(OpenQueryFilter().apply(queries).map(\.participantID) == ["P4", "P3", "P1", "P2"])
        #expect(OpenQueryFilter(siteID: "a").apply(queries).map(\.participantID) == ["P4", "P1", "P2"])
        #expect(OpenQueryFilter(siteID: "a", kind: .deviation).apply(queries).map(\.participantID) == ["P2"])
        let counts = OpenQueryFilter.counts(queries, siteOrder: ["b", "a"])
        #expect(counts.map { "\($0.siteID) \($0.kind.rawValue) \($0.count)" }
                == ["b deviation 1", "a missing-outcome 2", "a deviation 1"])
    }
}
