// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import Testing
@testable import WedgeStore
import WedgeTestSupport

/// `wedge audit head` and `wedge audit verify --expect COUNT:HASH`: a kept head shows entries cut from the end of
/// the log, which the hash chain alone cannot.
@Suite("Audit head")
struct AuditHeadTests {
    /// The `COUNT:HASH` that `wedge audit head` prints.
    static func head(_ db: String) throws -> String {
        let result = try CommandResult.wedge(["audit", "head", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("check:") })
        return String(try #require(line.split(separator: " ").last))
    }

    static func verify(_ db: String, expect head: String) throws -> CommandResult {
        try CommandResult.wedge(["audit", "verify", "--db", db, "--expect", head])
    }

    @Test("A log that grew still extends the kept head; cutting its end, with the data, is caught")
    func truncationCaught() throws {
        let (dir, db) = try RecorderSupport.study()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("p.csv").path
        try RecorderSupport.csv(count: 5).write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try CommandResult.wedge(["import", "--db", db, csv]).status == 0)
        let kept = try Self.head(db)
        let printed = try CommandResult.wedge(["audit", "head", "--db", db]).stdout
        #expect(printed.contains("entries: \(kept.split(separator: ":")[0])") && printed.contains("time:    20"))
        #expect(try Self.verify(db, expect: kept).status == 0)

        // Append: the log extends the old head.
        let ae = try CommandResult.wedge(["ae", "Q000001", "--db", db, "--date", "2021-04-02", "--description", "rash"])
        #expect(ae.status == 0, "\(ae.stderr)")
        let grown = try Self.head(db)
        #expect(grown != kept)
        let extended = try Self.verify(db, expect: kept)
        #expect(extended.status == 0 && extended.stdout.contains("It extends the kept head \(kept)."))

        // Cut the last entry and the adverse event it recorded, as someone with SQL access could.
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
            try db.execute(sql: "DELETE FROM adverse_event")
        }
        try queue.close()
        #expect(try CommandResult.wedge(["audit", "verify", "--db", db]).status == 0, "the chain alone cannot see it")
        let cut = try Self.verify(db, expect: grown)
        #expect(cut.status == 1)
        #expect(cut.stderr.contains("1 entries were removed from its end") && cut.stderr.contains(db), "\(cut.stderr)")
        #expect(try Self.verify(db, expect: kept).status == 0)
    }

    @Test("A log replaced by another study's log (a fork) is caught at the kept entry")
    func forkCaught() throws {
        let (dirA, a) = try RecorderSupport.study()
        let (dirB, b) = try RecorderSupport.study()
        defer { for dir in [dirA, dirB] { try? FileManager.default.removeItem(at: dir) } }
        for (db, description) in [(a, "rash"), (b, "fever")] {
            #expect(try CommandResult.wedge(["enroll", "X1", "--db", db, "--site", "unit-a", "--admitted", "2021-04-01",
                                             "--baseline", "age=34", "--baseline", "sex=male"]).status == 0)
            _ = try CommandResult.wedge(["ae", "X1", "--db", db, "--date", "2021-04-02", "--description", description])
        }
        let fork = try Self.verify(b, expect: try Self.head(a))
        #expect(fork.status == 1 && fork.stderr.contains("(a fork)"), "\(fork.stderr)")
    }

    @Test("analyze and report print the head they were computed from")
    func headInOutputs() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("demo.sqlite").path
        #expect(try CommandResult.wedge(["demo", "--db", db]).status == 0)
        let head = try Self.head(db)
        let analyze = try CommandResult.wedge(["analyze", "--db", db, "--as-of", "2023-01-01", "--no-permutation",
                                               "--format", "json"])
        #expect(analyze.stdout.contains("\"audit_head\": \"\(head)\""), "\(analyze.stderr)")
        let text = try CommandResult.wedge(["analyze", "--db", db, "--as-of", "2023-01-01", "--no-permutation"])
        #expect(text.stdout.contains("Audit head: \(head)"))
        for format in ["json", "text", "md", "html"] {
            let report = try CommandResult.wedge(["report", "--db", db, "--data-lock", "2023-01-01", "--format", format])
            #expect(report.status == 0 && report.stdout.contains(head), "\(format): \(report.stderr)")
        }
    }

    @Test("AuditHead parses only COUNT:HASH, and names the difference")
    func headValue() throws {
        let hash = String(repeating: "ab", count: 32)
        #expect(AuditHead(parsing: "12:\(hash)") == AuditHead(count: 12, hash: hash))
        for bad in ["", "12", "12:", "-1:\(hash)", "x:\(hash)", "12:\(hash.uppercased())", "12:\(hash)0", "1:2:3"] {
            #expect(AuditHead(parsing: bad) == nil, "\(bad)")
        }
        let head = AuditHead(count: 12, hash: hash)
        #expect(head.problem(count: 12, hashAtCount: hash) == nil)
        #expect(head.problem(count: 20, hashAtCount: hash) == nil)
        #expect(head.problem(count: 9, hashAtCount: nil)?.contains("3 entries were removed") == true)
        #expect(head.problem(count: 12, hashAtCount: String(repeating: "0", count: 64))?.contains("fork") == true)
        #expect(try CommandResult.wedge(["audit", "verify", "--db", "x.sqlite", "--expect", "12"]).status == 64)
    }
}
