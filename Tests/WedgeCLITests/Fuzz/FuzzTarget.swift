// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeTestSupport

/// One input that Wedge reads, the files to start its mutations from, and the command that reads it.
struct FuzzTarget: Sendable, CustomTestStringConvertible {
    /// The kind of study database a command needs.
    enum Study: Sendable { case none, empty, enrolled }

    /// A short name, also the folder of its regression fixtures (`Fixtures/fuzz/NAME/`).
    let name: String
    /// The extension of the input file.
    let fileExtension: String
    /// The study database the command needs.
    let study: Study
    /// The unmutated inputs.
    let seeds: @Sendable (FuzzWorkspace) throws -> [[UInt8]]
    /// The command line that reads `file`, given the study database's path (empty when it needs none).
    let arguments: @Sendable (_ file: String, _ db: String, _ scratch: URL) -> [String]

    var testDescription: String { name }

    /// The targets: every file Wedge reads.
    static let all: [FuzzTarget] = [
        FuzzTarget(name: "protocol", fileExtension: "toml", study: .none,
                   seeds: { _ in try ["ctn-0097", "classic-sw-6x7", "general-sw-12x7", "parallel-6x5"].map {
                       try bytes(TestPaths.path("Protocols/\($0).toml"))
                   } },
                   arguments: { file, _, _ in ["check", file] }),
        FuzzTarget(name: "parameters", fileExtension: "toml", study: .none,
                   seeds: { _ in [try bytes(TestPaths.path("SampleData/ctn-0097.simulation.toml"))] },
                   arguments: { file, _, scratch in
                       ["simulate", "--protocol", TestPaths.path("Protocols/ctn-0097.toml"), "--seed", "fuzz",
                        "--parameters", file, "--enrollment-scale", "0.1",
                        "--out", scratch.appendingPathComponent("simulated.csv").path, "--force"]
                   }),
        FuzzTarget(name: "participants", fileExtension: "csv", study: .empty,
                   seeds: { workspace in [try bytes(workspace.participants)] },
                   arguments: { file, db, _ in ["import", "--db", db, file] }),
        FuzzTarget(name: "events", fileExtension: "csv", study: .enrolled,
                   seeds: { workspace in [try bytes(workspace.events)] },
                   arguments: { file, db, _ in ["import", "--db", db, file] }),
        FuzzTarget(name: "screening", fileExtension: "csv", study: .enrolled,
                   seeds: { _ in
                       // The sample log's first rows, linking only the 30 participants the enrolled study holds.
                       let lines = try TestPaths.text("SampleData/ctn-0097-screening.csv").split(separator: "\n")
                       let enrolled = Set((1...30).map { "unit-a-" + String(repeating: "0", count: $0 < 10 ? 2 : 1) + "\($0)" })
                       let kept = lines.prefix(80).enumerated().filter { index, line in
                           index == 0 || line.hasSuffix(",") || enrolled.contains(String(line.split(separator: ",").last!))
                       }.map(\.element)
                       return [Array((kept.joined(separator: "\n") + "\n").utf8)]
                   },
                   arguments: { file, db, _ in ["screen", "import", "--db", db, file] }),
        FuzzTarget(name: "sealed", fileExtension: "json", study: .none,
                   seeds: { workspace in [try bytes(workspace.sealed)] },
                   arguments: { file, _, _ in
                       ["schedule", "verify", "--protocol", TestPaths.path("Protocols/ctn-0097.toml"), "--sealed", file]
                   }),
        FuzzTarget(name: "analysis", fileExtension: "csv", study: .none,
                   seeds: { _ in [try bytes(TestPaths.path("Tests/WedgeStatsTests/Fixtures/datasets/swift.csv"))] },
                   arguments: { file, _, _ in ["analyze", "--csv", file, "--no-permutation", "--format", "json"] }),
    ]

    /// The target named `name`.
    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
}
