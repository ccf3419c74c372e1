// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeTestSupport

/// Runs the independent Python implementation (`docs/randomization.py`, written from `docs/randomization.md`)
/// on seeds it has never seen and compares every allocation. Skipped where `python3` is absent.
@Suite("Randomization reimplementation")
struct RandomizationReimplementationTests {
    static var python: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("Python and Swift agree on 200 fresh seeds", .enabled(if: python != nil))
    func agreesWithPython() throws {
        let seeds = (0..<200).map { "fresh-\($0 * 7919)" } + [SeedGenerator.secureSeed()]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [TestPaths.path("docs/randomization.py"), "--allocations"] + seeds
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let proto = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml")).protocol
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == seeds.count)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let seed = try #require(object["seed"] as? String)
            let allocation = try #require(object["allocation"] as? [Int])
            #expect(Randomizer.randomize(proto, seed: seed).allocation == allocation, "seed \(seed)")
        }
    }
}
