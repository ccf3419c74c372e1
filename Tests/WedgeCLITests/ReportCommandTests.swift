// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeTestSupport

/// `wedge report` end to end: the built binary on the sample study's database.
@Suite("wedge report")
struct ReportCommandTests {
    /// A database holding the sample study (made by `wedge demo --db`).
    static func sampleDatabase() throws -> String {
        let dir = try TestPaths.temporaryDirectory()
        let db = dir.appendingPathComponent("sample.sqlite").path
        let demo = try CommandResult.wedge(["demo", "--db", db])
        #expect(demo.status == 0, "\(demo.stderr)")
        return db
    }

    @Test("The whole report as HTML, reproducibly; one table per format; CSV files into a folder")
    func report() throws {
        let db = try Self.sampleDatabase()
        let dir = URL(fileURLWithPath: db).deletingLastPathComponent()
        let html = dir.appendingPathComponent("report.html").path
        let made = try CommandResult.wedge(["report", "--db", db, "--format", "html", "--data-lock", "2026-01-01",
                                            "--out", html])
        #expect(made.status == 0, "\(made.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<svg") && page.contains("2026-01-01"))
        let again = try CommandResult.wedge(["report", "--db", db, "--format", "html", "--data-lock", "2026-01-01"])
        #expect(again.stdout == page)
        #expect(try CommandResult.wedge(["report", "--db", db, "--format", "html", "--out", html]).status == 1)

        for format in ["text", "md", "csv", "json", "latex"] {
            let one = try CommandResult.wedge(["report", "baseline", "--db", db, "--format", format])
            #expect(one.status == 0 && one.stdout.contains("Age, years"), "\(format): \(one.stderr)")
        }
        let folder = dir.appendingPathComponent("tables").path
        let csv = try CommandResult.wedge(["report", "--db", db, "--format", "csv", "--out", folder])
        #expect(csv.status == 0, "\(csv.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.contains("baseline.csv") && files.contains("consort.csv") && files.count >= 8)
    }

    @Test("Usage errors exit 64: an unknown table (with a suggestion), html for one table, a bad date")
    func usage() throws {
        let db = try Self.sampleDatabase()
        let unknown = try CommandResult.wedge(["report", "baseine", "--db", db])
        #expect(unknown.status == 64 && unknown.stderr.contains("Did you mean 'baseline'?"))
        #expect(try CommandResult.wedge(["report", "consort", "--db", db, "--format", "html"]).status == 64)
        #expect(try CommandResult.wedge(["report", "--db", db, "--data-lock", "2026-13-01"]).status == 64)
        let help = try CommandResult.wedge(["report", "--help"])
        #expect(help.stdout.contains("initiation-site") && help.stdout.contains("baseline"))
    }
}
