// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeTestSupport

/// End-to-end tests: the built `wedge` executable as a whole process, its output and its exit codes.
@Suite("wedge executable")
struct CommandLineTests {
    @Test("demo runs end to end and prints the schedule and summary tables")
    func demo() throws {
        let dir = try TestPaths.temporaryDirectory()
        let db = dir.appendingPathComponent("demo.sqlite").path
        let result = try CommandResult.wedge(["demo", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        for heading in ["Randomized schedule: ctn-0097, seed swift-129", "Crossover calendar", "Enrollment by site and period",
                        "Primary outcome: initiation (first XR-naltrexone injection)", "Baseline characteristics by condition",
                        "Participant flow (CONSORT) by condition"] {
            #expect(result.stdout.contains(heading), "missing \(heading)")
        }
        #expect(result.stdout.contains("Imported 410 participants"))
        #expect(FileManager.default.fileExists(atPath: db))
        // A second demo into the same file is refused: nothing is overwritten.
        let again = try CommandResult.wedge(["demo", "--db", db])
        #expect(again.status == 1)
        #expect(again.stderr.contains(db))
    }

    @Test("demo output is the same on every run")
    func demoReproducible() throws {
        let a = try CommandResult.wedge(["demo"]), b = try CommandResult.wedge(["demo"])
        #expect(a.status == 0 && a.stdout == b.stdout)
    }

    static let exitCases: [([String], Int32)] = [
        (["check", "Protocols/ctn-0097.toml"], 0),
        (["check", "Tests/WedgeCoreTests/Fixtures/broken/unknown-condition.toml"], 1),
        (["check", "no-such-file.toml"], 1),
        (["schedule", "generate"], 64),
        (["schedule", "generate", "--protocol", "Protocols/ctn-0097.toml", "--sed", "1"], 64),
        (["simulate", "--protocol", "Protocols/ctn-0097.toml", "--seed", "1", "--initiation", "rapid=2"], 64),
        (["frobnicate"], 64),
        (["--version"], 0),
    ]

    @Test("Exit codes: 0 success, 1 runtime error, 64 usage error", arguments: exitCases)
    func exitCodes(arguments: [String], status: Int32) throws {
        let result = try CommandResult.wedge(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
    }

    @Test("A protocol error names the file, line, field and value")
    func protocolError() throws {
        let result = try CommandResult.wedge(["check", "Tests/WedgeCoreTests/Fixtures/broken/unknown-condition.toml"])
        #expect(result.stderr.contains(
            "unknown-condition.toml:75: field 'design.sequences[2]' = \"SSXRR\": has unknown condition code 'X'"))
    }

    @Test("A misspelled option gets a suggestion")
    func optionSuggestion() throws {
        let result = try CommandResult.wedge(["schedule", "generate", "--protocol", "Protocols/ctn-0097.toml", "--sed", "1"])
        #expect(result.stderr.contains("--seed"))
    }

    @Test("schedule generate --format json has the documented fields and is reproducible")
    func scheduleJSON() throws {
        let args = ["schedule", "generate", "--protocol", "Protocols/ctn-0097.toml", "--seed", "20210316", "--format", "json"]
        let result = try CommandResult.wedge(args)
        #expect(result.status == 0)
        #expect(try CommandResult.wedge(args).stdout == result.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["seed"] as? String == "20210316")
        let sites = try #require(object["sites"] as? [[String: Any]])
        #expect(sites.count == 6)
        let unitF = try #require(sites.first { $0["id"] as? String == "unit-f" })
        #expect(unitF["sequence_index"] as? Int == 2)
        #expect(unitF["sequence"] as? [String] == ["standard", "rapid", "rapid", "rapid", "rapid"])
        #expect(unitF["crossover_date"] as? String == "2021-06-22")
    }

    @Test("seal, verify, and verify after tampering")
    func sealAndVerify() throws {
        let dir = try TestPaths.temporaryDirectory()
        let sealed = dir.appendingPathComponent("sealed.json").path
        let seal = try CommandResult.wedge(["schedule", "seal", "--protocol", "Protocols/ctn-0097.toml", "--out", sealed])
        #expect(seal.status == 0)
        let commitment = try #require(seal.stdout.firstMatch(of: /commitment \(SHA-256\): ([0-9a-f]{64})/).map { String($0.1) })
        let verify = ["schedule", "verify", "--protocol", "Protocols/ctn-0097.toml", "--sealed", sealed]
        #expect(try CommandResult.wedge(verify + ["--commitment", commitment]).status == 0)
        let wrong = String(repeating: "0", count: 64)
        let badCommitment = try CommandResult.wedge(verify + ["--commitment", wrong])
        #expect(badCommitment.status == 1 && badCommitment.stderr.contains("does not match"))
        // Tamper with a date: the allocation still agrees, but the document does not.
        var text = try String(contentsOfFile: sealed, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"end_date\": \"2022-07-18\"", with: "\"end_date\": \"2022-07-19\"")
        try text.write(toFile: sealed, atomically: true, encoding: .utf8)
        let tampered = try CommandResult.wedge(verify)
        #expect(tampered.status == 1 && tampered.stderr.contains("has been altered at line"))
        // A wrong seed makes a site differ.
        let seed = try #require(text.firstMatch(of: /"seed": "([0-9a-f]+)"/).map { String($0.1) })
        text = text.replacingOccurrences(of: seed, with: "not-the-seed")
        try text.write(toFile: sealed, atomically: true, encoding: .utf8)
        let wrongSeed = try CommandResult.wedge(verify)
        #expect(wrongSeed.status == 1 && wrongSeed.stderr.contains("site unit-"))
    }

    @Test("simulate writes byte-identical files and refuses to overwrite")
    func simulate() throws {
        let dir = try TestPaths.temporaryDirectory()
        let out = dir.appendingPathComponent("sim.csv").path
        let args = ["simulate", "--protocol", "Protocols/classic-sw-6x7.toml", "--seed", "5", "--out", out]
        #expect(try CommandResult.wedge(args).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: out))
        let again = try CommandResult.wedge(args)
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        #expect(try CommandResult.wedge(args + ["--force"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == first)
    }

    @Test("init then import: a bad file is refused whole, with line and field, and nothing is written")
    func importAllOrNothing() throws {
        let dir = try TestPaths.temporaryDirectory()
        let db = dir.appendingPathComponent("study.sqlite").path
        #expect(try CommandResult.wedge(["init", "--protocol", "Protocols/ctn-0097.toml", "--db", db,
                                         "--seed", "swift-129"]).status == 0)
        var lines = try TestPaths.text("SampleData/ctn-0097-participants.csv").split(separator: "\n").map(String.init)
        var fields = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[2] = "2019-01-01"  // admission before the study window
        lines[5] = fields.joined(separator: ",")
        let bad = dir.appendingPathComponent("bad.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try CommandResult.wedge(["import", "--db", db, bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.csv:6: participant \(fields[0]): field 'admission_date'"))
        #expect(!refused.stderr.contains("2019-01-01"))
        let good = try CommandResult.wedge(["import", "--db", db, "SampleData/ctn-0097-participants.csv"])
        #expect(good.status == 0 && good.stdout.contains("Imported 410 participants"))
    }
}
