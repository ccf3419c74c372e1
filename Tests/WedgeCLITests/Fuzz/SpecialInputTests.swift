// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import Testing
import WedgeCore
import WedgeTestSupport

/// Inputs that are not ordinary files: a directory, `/dev/zero`, a FIFO, a file over the size limit; and study
/// databases that Wedge did not write or that a newer Wedge wrote. Each is refused at once, by name, and nothing is
/// written.
@Suite("Special files and foreign databases are refused")
struct SpecialInputTests {
    /// Commands that read a file, with `FILE` where the file goes.
    static let readers: [[String]] = [
        ["check", "FILE"],
        ["simulate", "--protocol", TestPaths.path("Protocols/ctn-0097.toml"), "--seed", "1", "--parameters", "FILE"],
        ["schedule", "verify", "--protocol", TestPaths.path("Protocols/ctn-0097.toml"), "--sealed", "FILE"],
        ["analyze", "--csv", "FILE", "--no-permutation"],
        ["import", "--db", "DB", "FILE"],
        ["status", "--db", "FILE"],
    ]

    enum Kind: String, CaseIterable, Sendable { case directory, devZero, fifo, huge }

    static func make(_ kind: Kind, in directory: URL) throws -> String {
        switch kind {
        case .directory:
            let path = directory.appendingPathComponent("folder.toml").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            return path
        case .devZero:
            return "/dev/zero"
        case .fifo:
            let path = directory.appendingPathComponent("fifo.csv").path
            #expect(mkfifo(path, 0o600) == 0)
            return path
        case .huge:
            let path = directory.appendingPathComponent("huge.csv").path
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: UInt64(InputFile.dataLimit) + 1)  // sparse: no disk used
            try handle.close()
            return path
        }
    }

    @Test("A directory, /dev/zero, a FIFO and a file over the limit are refused at once, by name",
          arguments: Kind.allCases)
    func specialFile(_ kind: Kind) throws {
        let workspace = try FuzzWorkspace.shared.get()
        let scratch = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try Self.make(kind, in: scratch)
        for base in Self.readers {
            if kind == .huge, base[0] == "status" { continue }  // a sparse file of zeros: covered by notWedge
            let folder = scratch.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            let db = try FuzzRun.study(.empty, workspace, in: folder)!
            let arguments = base.map { $0 == "FILE" ? file : $0 == "DB" ? db : $0 }
            let result = try CommandResult.run(TestPaths.productsDirectory.appendingPathComponent("wedge"), arguments,
                                               timeout: FuzzRun.timeLimit)
            #expect(!result.timedOut && !result.signaled, "\(kind) \(base): \(result.seconds) s")
            #expect(result.status == 1, "\(kind) \(base): \(result.stderr)")
            #expect(result.stderr.contains(file), "\(kind) \(base): \(result.stderr)")
        }
    }

    @Test("A database that is not Wedge's, or is from a newer Wedge, is refused and left byte for byte")
    func foreignDatabases() throws {
        let workspace = try FuzzWorkspace.shared.get()
        let scratch = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let other = scratch.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        let text = scratch.appendingPathComponent("notes.sqlite").path
        try "not a database\n".write(toFile: text, atomically: true, encoding: .utf8)
        let newer = try FuzzRun.study(.empty, workspace, in: scratch)!
        try DatabaseQueue(path: newer).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        for (db, message) in [(other, "is not a Wedge study database"), (text, "is not a Wedge study database"),
                              (newer, "newer version of Wedge")] {
            let before = try Data(contentsOf: URL(fileURLWithPath: db))
            for arguments in [["status", "--db", db], ["import", "--db", db, workspace.participants],
                              ["enroll", "X1", "--db", db, "--site", "unit-a", "--admitted", "2021-04-01"],
                              ["audit", "verify", "--db", db]] {
                let result = try CommandResult.wedge(arguments)
                #expect(result.status == 1, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains(message) && result.stderr.contains(db), "\(arguments): \(result.stderr)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before, "\(db) changed")
            #expect(!FileManager.default.fileExists(atPath: db + "-wal") || db == newer, "\(db) gained a WAL")
        }
    }

    /// Fuzz finding (seed 3, analysis case 319): a 10 MB field in an analysis CSV took 14 s, and the error quoted
    /// all of it. Too large for a fixture file, so it is made here.
    @Test("A 10 MB field in an analysis CSV is refused at once, with its line, and not quoted whole")
    func longAnalysisField() throws {
        let scratch = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var lines = try TestPaths.text("Tests/WedgeStatsTests/Fixtures/datasets/swift.csv").split(separator: "\n")
            .map(String.init)
        lines[177] = lines[177].replacingOccurrences(of: "standard", with: "standard" + String(repeating: "a", count: 10 << 20))
        let file = scratch.appendingPathComponent("long.csv").path
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CommandResult.run(TestPaths.productsDirectory.appendingPathComponent("wedge"),
                                           ["analyze", "--csv", file, "--no-permutation"], timeout: FuzzRun.timeLimit)
        #expect(result.status == 1 && !result.timedOut, "\(result.seconds) s")
        #expect(result.stderr.contains("\(file):178:") && result.stderr.count < 2_000, "\(result.stderr.prefix(300))")
    }
}
