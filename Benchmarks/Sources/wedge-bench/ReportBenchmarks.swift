// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeAnalysis
import WedgeCore
import WedgeStore

/// The full HTML report on a study database of about 100,000 participants: `wedge report --format html` as a
/// whole process, and its parts in-process (reading the snapshot from SQLite, building and rendering the report).
enum ReportBenchmarks {
    static let lock = "2026-01-01"

    static var tasks: [BenchTask] {
        [
            BenchTask(id: "report-html-100k", title: "`wedge report --format html`: every table and figure, whole process",
                      size: "100,000 participants (ctn-0097 simulated)") { context in
                let db = try database(context)
                let out = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-bench-\(getpid()).html").path
                defer { try? FileManager.default.removeItem(atPath: out) }
                var result = try Spawn.measure(context, minimumRuns: 3) {
                    let outcome = try Spawn.run(context.wedge, ["report", "--db", db, "--format", "html", "--out", out,
                                                                "--data-lock", lock, "--force"])
                    guard outcome.status == 0 else { throw BenchError("wedge report exited with \(outcome.status)") }
                    return outcome
                }
                let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
                result.estimates["html_bytes"] = Double(size)
                return result
            },
            BenchTask(id: "report-html-100k-inprocess", title: "HTML report in-process: snapshot from SQLite, then build + render",
                      size: "100,000 participants (ctn-0097 simulated)") { context in
                let db = try database(context)
                let store = try StudyStore.open(at: db)
                let date = CivilDate(iso: lock)!
                var snapshot = try store.fetchSnapshot(dataLockDate: date)
                let fetch = try Stopwatch.measure(minimumRuns: 3, budget: context.budget / 2) {
                    snapshot = try store.fetchSnapshot(dataLockDate: date)
                }
                var html = ""
                let sample = Stopwatch.measure(minimumRuns: 3, budget: context.budget) { html = StudyReport(snapshot).html() }
                return TaskResult(sample, estimates: ["fetch_median": fetch.median, "html_bytes": Double(html.utf8.count)],
                                  note: "build + render; reading the snapshot from SQLite takes \(Stopwatch.format(fetch.median)) more")
            },
        ]
    }

    /// `data/report-100k.sqlite`, made once (untimed) by `wedge init` and `wedge import` of the 100,000-row file.
    static func database(_ context: BenchContext) throws -> String {
        try context.requireWedge()
        let db = context.dataFile("report-100k.sqlite")
        if FileManager.default.fileExists(atPath: db) { return db }
        let csv = context.dataFile(Datasets.importFile(rows: 100_000))
        let partial = db + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        let made = try Spawn.run(context.wedge, ["init", "--protocol", context.repoFile("Protocols/ctn-0097.toml"),
                                                 "--db", partial, "--seed", "bench"])
        guard made.status == 0 else { throw BenchError("wedge init failed for \(partial)") }
        let imported = try Spawn.run(context.wedge, ["import", "--db", partial, csv])
        guard imported.status == 0 else { throw BenchError("wedge import of \(csv) failed; run `wedge-bench generate`.") }
        try FileManager.default.moveItem(atPath: partial, toPath: db)
        return db
    }
}
