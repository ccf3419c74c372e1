// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeAnalysis

/// The whole analysis: `wedge analyze --csv` as a process on the generated analysis CSVs, and the primary analysis
/// in-process with and without the exact permutation test (720 allocations, one GLMM refit each).
enum AnalysisBenchmarks {
    static var tasks: [BenchTask] {
        [
            BenchTask(id: "analyze-20k",
                      title: "`wedge analyze --csv`: crude, GLMM, GEE, Monte Carlo permutation, KM, log-rank, Cox; whole process",
                      size: Datasets.large.label) { context in
                try analyze(context, Datasets.large, extra: [])
            },
            BenchTask(id: "analyze-20k-no-permutation", title: "`wedge analyze --csv --no-permutation`; whole process",
                      size: Datasets.large.label) { context in
                try analyze(context, Datasets.large, extra: ["--no-permutation"])
            },
            BenchTask(id: "analyze-swift", title: "`wedge analyze --csv` with the exact permutation test; whole process",
                      size: Datasets.swift.label + ", 720 allocations") { context in
                try analyze(context, Datasets.swift, extra: [])
            },
            BenchTask(id: "primary-swift", title: "Primary analysis in-process (crude, GLMM, GEE, exact permutation test)",
                      size: Datasets.swift.label) { context in
                let data = try AnalysisDataset.read(csv: context.dataFile(Datasets.swift.analysisFile))
                var with = PrimaryAnalysis.run(data)
                let without = Stopwatch.measure(budget: context.budget / 2) {
                    _ = PrimaryAnalysis.run(data, options: PrimaryAnalysisOptions(permutationStatistic: nil))
                }
                let sample = Stopwatch.measure(minimumRuns: 3, budget: context.budget) { with = PrimaryAnalysis.run(data) }
                guard let permutation = with.permutation else { throw BenchError("no permutation test was run") }
                var result = TaskResult(sample, estimates: [
                    "allocations": Double(permutation.allocations), "p_value": permutation.pValue,
                    "without_permutation_median": without.median,
                ])
                result.note = "of which the primary analysis without the permutation test takes \(Stopwatch.format(without.median))"
                return result
            },
        ]
    }

    /// Times `wedge analyze --csv FILE` for `shape` as a whole process.
    static func analyze(_ context: BenchContext, _ shape: Datasets.Shape, extra: [String]) throws -> TaskResult {
        try context.requireWedge()
        let csv = context.dataFile(shape.analysisFile)
        guard FileManager.default.fileExists(atPath: csv) else { throw BenchError("\(csv) is missing; run `wedge-bench generate`.") }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-bench-analyze-\(getpid()).txt").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        return try Spawn.measure(context, minimumRuns: 3) {
            let outcome = try Spawn.run(context.wedge, ["analyze", "--csv", csv] + extra, output: log)
            guard outcome.status == 0 else {
                throw BenchError("wedge analyze exited with \(outcome.status): \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
            }
            return outcome
        }
    }
}
