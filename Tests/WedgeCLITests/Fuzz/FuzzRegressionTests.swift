// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeTestSupport

/// The fuzz suite's findings, kept as fixtures in `Fixtures/fuzz/TARGET/`: each runs through its target's command
/// and must keep every promise of ``FuzzRun``, and its error must point at the place (file, line and field).
@Suite("Fuzz findings stay fixed")
struct FuzzRegressionTests {
    /// What each fixture's error must say, besides the file's path.
    static let expected: [String: [String]] = [
        // Issue 19: `wedge check` looped for ever in the line scanner (TOMLSourceMap), before TOMLKit saw the text.
        "protocol/inline-table-without-equals.toml": [".toml:40: field '(syntax)'"],
        // 100,000 nested arrays: the scanner followed them by recursion, deep enough to overflow the stack.
        "protocol/deep-nesting.toml": [".toml:45: field '(syntax)'"],
        // With CRLF line endings ("\r\n" is one Swift Character) the line scanner counted no lines, so a
        // validation error named no line and no value.
        "protocol/crlf-line-endings.toml": [".toml:86: field 'concealment.notice_weeks' = -3: is out of range"],
        // `[ } ]` aborted the process inside toml++ (an assertion in parse_value); now refused before TOMLKit.
        "protocol/array-with-closing-brace.toml": [".toml:45: field '(syntax)'", "saw '}'"],
        "parameters/array-with-closing-brace.toml": [".toml:54: field '(syntax)'", "saw '}'"],
        // A table header whose name starts with something else than a key character aborted toml++ (an
        // assertion in parse_key): `[` alone on a line, `[\second_injection]`.
        "parameters/bracket-alone-before-a-table.toml": [".toml:11: field '(syntax)'", "expected a table name"],
        "parameters/bracket-alone-on-a-line.toml": [".toml:41: field '(syntax)'", "expected a table name"],
        "parameters/table-name-starts-with-backslash.toml": [".toml:12: field '(syntax)'", "saw \"\\\\\""],
        // `38<NUL>` was read as the number 38 (Swift parses numbers through C strings), then refused by SQLite
        // with an error that named neither the file nor the line.
        "participants/nul-after-a-number.csv": [".csv:8: participant unit-a-007: field 'age'", "control character"],
        // A verification failure did not name the sealed file.
        "sealed/lines-swapped-cr-endings.json": [".json': site unit-a differs"],
    ]

    static let fixtures: [String] = {
        let root = TestPaths.path("Tests/WedgeCLITests/Fixtures/fuzz")
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + target)) ?? []).sorted()
                .map { target + "/" + $0 }
        }
    }()

    @Test("Every fixture has its expectations, and every expectation its fixture")
    func fixturesListed() {
        #expect(Set(Self.fixtures) == Set(Self.expected.keys))
    }

    @Test("A fuzz finding runs to a clear error", arguments: fixtures)
    func finding(_ fixture: String) throws {
        let workspace = try FuzzWorkspace.shared.get()
        let target = try #require(FuzzTarget.named(String(fixture.split(separator: "/")[0])))
        let scratch = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = TestPaths.path("Tests/WedgeCLITests/Fixtures/fuzz/" + fixture)
        let db = try FuzzRun.study(target.study, workspace, in: scratch)
        let arguments = target.arguments(file, db ?? "", scratch)
        #expect(try FuzzRun.problems(arguments, file: file, db: db) == [])
        let result = try CommandResult.wedge(arguments)
        #expect(result.status == 1)
        for text in Self.expected[fixture] ?? [] {
            #expect(result.stderr.contains(text), "\(fixture): \(result.stderr)")
        }
    }
}
