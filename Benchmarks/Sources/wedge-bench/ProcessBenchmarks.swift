// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Tasks that run the release `wedge` executable as a whole process: start-up, and importing large files.
/// Wall time includes process creation, dynamic loading and exit; peak memory is the `wedge` process's own.
enum ProcessBenchmarks {
    static var tasks: [BenchTask] {
        var tasks = [
            BenchTask(id: "cli-version", title: "CLI start-up: `wedge --version`, whole process", size: "—") { context in
                try context.requireWedge()
                var peak = 0.0, cpu: [Double] = []
                var sample = try Stopwatch.measure(warmup: 3, minimumRuns: 50, budget: context.budget) {
                    let outcome = try Spawn.run(context.wedge, ["--version"])
                    cpu.append(outcome.cpuSeconds)
                    guard outcome.status == 0 else { throw BenchError("wedge --version exited with \(outcome.status)") }
                    peak = max(peak, outcome.peakBytes)
                }
                sample.cpuMedian = Stopwatch.median(cpu.suffix(sample.runs).sorted())
                var result = TaskResult(sample)
                result.peakBytes = peak
                result.wholeProcess = true
                return result
            },
        ]
        for rows in Datasets.importSizes {
            let file = Datasets.importFile(rows: rows)
            tasks.append(BenchTask(
                id: "import-\(rows >= 1_000_000 ? "1m" : "100k")",
                title: "`wedge import`: stream, validate, store in one transaction, whole process",
                size: "\(rows.formatted()) rows (ctn-0097 simulated)"
            ) { context in try importFile(context, file: file, runs: rows >= 1_000_000 ? 2 : 3) })
        }
        return tasks
    }

    /// Times `wedge import` of `file` into a fresh database (made by an untimed `wedge init`) `runs` times.
    static func importFile(_ context: BenchContext, file: String, runs: Int) throws -> TaskResult {
        try context.requireWedge()
        let csv = context.dataFile(file)
        guard FileManager.default.fileExists(atPath: csv) else { throw BenchError("\(csv) is missing; run `wedge-bench generate`.") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var times: [Stopwatch.Timing] = [], peak = 0.0
        for attempt in 0..<runs {
            let db = (directory as NSString).appendingPathComponent("s\(attempt).sqlite")
            let log = (directory as NSString).appendingPathComponent("log.txt")
            let initOutcome = try Spawn.run(context.wedge, ["init", "--protocol", context.repoFile("Protocols/ctn-0097.toml"),
                                                            "--db", db, "--seed", "bench"], output: log)
            guard initOutcome.status == 0 else { throw BenchError("wedge init failed: \(try String(contentsOfFile: log, encoding: .utf8))") }
            let outcome = try Spawn.run(context.wedge, ["import", "--db", db, csv], output: log)
            guard outcome.status == 0 else {
                throw BenchError("wedge import failed: \((try? String(contentsOfFile: log, encoding: .utf8))?.prefix(2000) ?? "")")
            }
            times.append(Stopwatch.Timing(wall: outcome.seconds, cpu: outcome.cpuSeconds))
            peak = max(peak, outcome.peakBytes)
            try? FileManager.default.removeItem(atPath: db)
        }
        var result = TaskResult(Stopwatch.summarize(times))
        result.peakBytes = peak
        result.wholeProcess = true
        return result
    }
}
