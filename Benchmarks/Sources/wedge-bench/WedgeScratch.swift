// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A temporary folder in which whole-process tasks run the release `wedge` executable, removed when the task
/// ends.
final class WedgeScratch {
    private let context: BenchContext
    /// The folder.
    let directory: String
    private let log: String

    /// Creates the folder; fails when the `wedge` executable is missing.
    init(_ context: BenchContext) throws {
        try context.requireWedge()
        self.context = context
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        log = (directory as NSString).appendingPathComponent("log.txt")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// `<directory>/<name>`.
    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// The data file `name`, which `wedge-bench generate` writes.
    func dataFile(_ name: String) throws -> String {
        let file = context.dataFile(name)
        guard FileManager.default.fileExists(atPath: file) else { throw BenchError("\(file) is missing; run `wedge-bench generate`.") }
        return file
    }

    /// Runs `wedge arguments…` and returns its timing; fails, quoting its output, when it exits non-zero.
    @discardableResult
    func run(_ arguments: [String]) throws -> Spawn.Outcome {
        let outcome = try Spawn.run(context.wedge, arguments, output: log)
        guard outcome.status == 0 else {
            throw BenchError("wedge \(arguments.first ?? "") failed: \((try? String(contentsOfFile: log, encoding: .utf8))?.prefix(2000) ?? "")")
        }
        return outcome
    }

    /// Creates the study database `db` for `Protocols/ctn-0097.toml` with seed `bench`.
    func initStudy(_ db: String) throws {
        try run(["init", "--protocol", context.repoFile("Protocols/ctn-0097.toml"), "--db", db, "--seed", "bench"])
    }
}
