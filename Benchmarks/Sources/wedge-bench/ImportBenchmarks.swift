// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore
import WedgeStore

/// Importing large participant files: parse and validate, then one transaction into a fresh database.
enum ImportBenchmarks {
    static func run() throws -> [Stopwatch.Result] {
        let loaded = try ProtocolLoader.load(path: "../Protocols/ctn-0097.toml")
        var results: [Stopwatch.Result] = []
        for rows in [100_000, 1_000_000] {
            var params = SimulationParameters.defaults(for: loaded.protocol)
            params.enrollment = params.enrollment.mapValues { $0 * Double(rows) / 415 }
            let records = TrialSimulator(protocol: loaded.protocol, seed: "bench", parameters: params).run()
            let text = ParticipantCSVFormat(protocol: loaded.protocol).document(records)
            let schedule = Randomizer.randomize(loaded.protocol, seed: "bench")
            let today = CivilDate(iso: "2026-01-01")!
            let label = rows >= 1_000_000 ? "1,000,000" : "100,000"
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            var attempt = 0
            results.append(try Stopwatch.measure("Import: \(label) rows (\(records.count) simulated), parse + validate + store",
                                                 repetitions: rows >= 1_000_000 ? 1 : 3, warmup: 0) {
                attempt += 1
                let validated = try ParticipantImport.validate(text, file: "bench.csv", schedule: schedule, today: today)
                let store = try StudyStore.create(at: directory.appendingPathComponent("s\(attempt).sqlite").path,
                                                  protocol: loaded, schedule: schedule, createdAt: "2026-01-01T00:00:00Z")
                try store.importParticipants(validated, source: "bench.csv", actor: "bench")
            })
        }
        return results
    }
}
