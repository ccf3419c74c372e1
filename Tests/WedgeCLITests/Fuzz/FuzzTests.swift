// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeStats
import WedgeTestSupport

/// Seeded mutations of every file Wedge reads, and of its command lines, each run as a subprocess of the built
/// `wedge` with a time limit (``FuzzRun``). `swift test` runs a fast corpus; `scripts/fuzz.sh` runs thousands of
/// cases with a printed seed. A failing case is saved under the findings folder, to become a regression fixture
/// in `Fixtures/fuzz/TARGET/`.
///
/// Environment: `WEDGE_FUZZ_SEED` (default 19), `WEDGE_FUZZ_CASES` (per target, default 40),
/// `WEDGE_FUZZ_TIMEOUT` (seconds, default 10), `WEDGE_FUZZ_FINDINGS` (default: a folder in the temporary folder).
@Suite("Fuzz: mutated inputs never hang or crash wedge")
struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["WEDGE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 19
    static let cases = environment["WEDGE_FUZZ_CASES"].flatMap { Int($0) } ?? 40
    static let findings = URL(fileURLWithPath: environment["WEDGE_FUZZ_FINDINGS"]
                              ?? FileManager.default.temporaryDirectory.appendingPathComponent("wedge-fuzz-findings").path)

    /// The generator of case `n` of a target, so that one case can be replayed alone.
    static func generator(_ target: String, case n: Int) -> SeededGenerator {
        let salt = target.utf8.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 }
        return SeededGenerator(seed: seed ^ salt &+ UInt64(n) &* 0x9E37_79B9)
    }

    @Test("Mutated input files", arguments: FuzzTarget.all)
    func mutatedFiles(_ target: FuzzTarget) throws {
        let workspace = try FuzzWorkspace.shared.get()
        let seeds = try target.seeds(workspace)
        for n in 0..<Self.cases {
            var rng = Self.generator(target.name, case: n)
            let seedInput = seeds[n % seeds.count]
            // Every 40th case carries a 10 MB line.
            let (input, what) = FuzzMutator.mutate(seedInput, long: n % 40 == 39, using: &rng)
            let problems = try FuzzRun.problems(target, input: input, workspace: workspace)
            if !problems.isEmpty {
                let saved = try Self.save(input, name: "\(target.name)-s\(Self.seed)-c\(n).\(target.fileExtension)")
                Issue.record("\(target.name) case \(n) (seed \(Self.seed); \(what)), saved as \(saved): \(problems)")
            }
        }
    }

    @Test("Mutated command lines")
    func mutatedArguments() throws {
        let workspace = try FuzzWorkspace.shared.get()
        for n in 0..<Self.cases * 2 {
            var rng = Self.generator("arguments", case: n)
            let scratch = try TestPaths.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let db = try FuzzRun.study(.enrolled, workspace, in: scratch)!
            let arguments = FuzzArguments.mutated(using: &rng).map { $0 == "DB" ? db : $0 }
            let problems = try FuzzRun.problems(arguments, file: nil, db: db)
            if !problems.isEmpty {
                let shown = arguments.map { $0.count > 80 ? "<\($0.count) characters>" : $0 }
                Issue.record("arguments case \(n) (seed \(Self.seed)): wedge \(shown.joined(separator: " ")): \(problems)")
            }
        }
    }

    /// Saves a failing input in the findings folder and returns its path.
    static func save(_ input: [UInt8], name: String) throws -> String {
        try FileManager.default.createDirectory(at: findings, withIntermediateDirectories: true)
        let url = findings.appendingPathComponent(name)
        try Data(input).write(to: url)
        return url.path
    }
}
