// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Tasks that run the release `wedge` executable as a whole process: start-up, importing large files, and one
/// `wedge record` call in a large database.
/// Wall time includes process creation, dynamic loading and exit; peak memory is the `wedge` process's own.
enum ProcessBenchmarks {
    static var tasks: [BenchTask] {
        var tasks = [
            BenchTask(id: "cli-version", title: "CLI start-up: `wedge --version`, whole process", size: "—") { context in
                try context.requireWedge()
                return try Spawn.measure(context, warmup: 3, minimumRuns: 50) {
                    let outcome = try Spawn.run(context.wedge, ["--version"])
                    guard outcome.status == 0 else { throw BenchError("wedge --version exited with \(outcome.status)") }
                    return outcome
                }
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
        tasks.append(BenchTask(
            id: "record-100k",
            title: "`wedge record`: one participant's induction outcomes, whole process, in a database of",
            size: "100,000 participants"
        ) { context in try record(context, file: Datasets.importFile(rows: 100_000)) })
        return tasks
    }

    /// Times single `wedge record` calls, each on a participant of its own, in a database that holds the
    /// participants of `file` (imported untimed) and participants enrolled for the purpose (untimed).
    static func record(_ context: BenchContext, file: String) throws -> TaskResult {
        let scratch = try WedgeScratch(context)
        let csv = try scratch.dataFile(file)
        let db = scratch.path("study.sqlite")
        try scratch.initStudy(db)
        try scratch.run(["import", "--db", db, csv, "--as", "bench"])
        let count = 25
        for k in 0..<count {
            try scratch.run(["enroll", "--db", db, "BENCH-\(k)", "--site", "unit-a", "--admitted", "2021-04-01",
                             "--baseline", "age=34", "--baseline", "sex=male", "--as", "bench"])
        }
        let outcomes = try (0..<count).map { k in
            try scratch.run(["record", "--db", db, "BENCH-\(k)", "--induction-start", "2021-04-02", "--procedure", "standard",
                             "--first-injection", "2021-04-14", "--discharge", "2021-04-15", "--as", "bench"])
        }
        return Spawn.summary(outcomes)
    }

    /// Times `wedge import` of `file` into a fresh database (made by an untimed `wedge init`) `runs` times.
    static func importFile(_ context: BenchContext, file: String, runs: Int) throws -> TaskResult {
        let scratch = try WedgeScratch(context)
        let csv = try scratch.dataFile(file)
        let outcomes = try (0..<runs).map { attempt in
            let db = scratch.path("s\(attempt).sqlite")
            try scratch.initStudy(db)
            defer { try? FileManager.default.removeItem(atPath: db) }
            return try scratch.run(["import", "--db", db, csv, "--as", "bench"])
        }
        return Spawn.summary(outcomes)
    }
}
