// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeTestSupport

/// `wedge analyze` as a whole process: database and CSV paths give the same numbers, JSON has the documented
/// keys, and usage errors exit 64.
@Suite("wedge analyze")
struct AnalyzeCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("--db and --csv of its export agree, and the JSON holds the documented keys")
    func databaseAndCSV() throws {
        let dir = try TestPaths.temporaryDirectory()
        let db = dir.appendingPathComponent("study.sqlite").path
        let csv = dir.appendingPathComponent("export.csv").path
        #expect(try CommandResult.wedge(["demo", "--db", db]).status == 0)
        #expect(try CommandResult.wedge(["export", "--db", db, "--out", csv]).status == 0)
        let fromDB = try CommandResult.wedge(["analyze", "--db", db, "--format", "json"])
        let fromCSV = try CommandResult.wedge(["analyze", "--csv", csv, "--format", "json"])
        #expect(fromDB.status == 0 && fromCSV.status == 0, "\(fromDB.stderr)\(fromCSV.stderr)")
        let a = try Self.json(fromDB.stdout), b = try Self.json(fromCSV.stdout)
        #expect(a["schema"] as? String == "wedge.analysis/2")
        for key in ["initiation", "glmm", "gee", "permutation", "retention"] { #expect(a[key] is [String: Any], "\(key)") }
        let glmmA = try #require(a["glmm"] as? [String: Any]), glmmB = try #require(b["glmm"] as? [String: Any])
        for key in ["log_odds_ratio", "se", "site_sd", "loglik"] {
            let x = try #require(glmmA[key] as? Double), y = try #require(glmmB[key] as? Double)
            #expect(abs(x - y) < 1e-9, "\(key)")
        }
        #expect(glmmA["nagq"] as? Int == 1)
        let gee = try #require(a["gee"] as? [String: Any])
        for key in ["log_odds_ratio", "se_robust", "se_kc", "se_md"] { #expect(gee[key] is Double, "\(key)") }
        let perm = try #require(a["permutation"] as? [String: Any])
        #expect(perm["allocations"] as? Int == 720 && perm["exact"] as? Bool == true)
        let retention = try #require(a["retention"] as? [String: Any])
        #expect(retention["cox"] is [String: Any] && retention["log_rank"] is [String: Any])
        #expect(!fromDB.stdout.lowercased().contains("nan"))
    }

    @Test("--nagq 10 changes the method; the output is reproducible")
    func quadrature() throws {
        let dir = try TestPaths.temporaryDirectory()
        let csv = dir.appendingPathComponent("d.csv").path
        var lines = ["site,period,condition,initiated"]
        for s in 0..<6 {
            for p in 1...5 {
                let rapid = p > s / 1 + 0 && p > 1 && s < p
                for k in 0..<8 { lines.append("s\(s),\(p),\(rapid ? "rapid" : "standard"),\((k + s + p) % 3 == 0 ? 1 : 0)") }
            }
        }
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let one = try CommandResult.wedge(["analyze", "--csv", csv, "--format", "json", "--nagq", "10"])
        let two = try CommandResult.wedge(["analyze", "--csv", csv, "--format", "json", "--nagq", "10"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let glmm = try #require(try Self.json(one.stdout)["glmm"] as? [String: Any])
        #expect(glmm["nagq"] as? Int == 10)
        // Absent optional columns skip retention with notes, not errors.
        let notes = try #require(try Self.json(one.stdout)["notes"] as? [String])
        #expect(notes.contains { $0.contains("retention_days is absent") })
    }

    static let usage: [([String], Int32)] = [
        (["analyze"], 64),
        (["analyze", "--db", "a", "--csv", "b"], 64),
        (["analyze", "--csv", "x.csv", "--nagq", "40"], 64),
        (["analyze", "--csv", "x.csv", "--statistic", "median"], 64),
        (["analyze", "--csv", "no-such-file.csv"], 1),
        (["analyze", "--db", "no-such.sqlite"], 1),
    ]

    @Test("Exit codes of bad invocations", arguments: usage)
    func exitCodes(arguments: [String], status: Int32) throws {
        let result = try CommandResult.wedge(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }
}
