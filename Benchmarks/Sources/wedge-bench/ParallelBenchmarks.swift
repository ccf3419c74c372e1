// SPDX-License-Identifier: Apache-2.0

import WedgeAnalysis
import WedgeStats

/// The embarrassingly parallel work: the exact permutation test (720 GLMM refits) and simulation power (1,000
/// SWIFT-size trials, one GLMM fit each), on all cores and on one, to show the parallel speed-up.
enum ParallelBenchmarks {
    static var tasks: [BenchTask] {
        var tasks: [BenchTask] = []
        for threads in [nil, 1] as [Int?] {
            let label = threads.map { "\($0) thread" } ?? "all cores"
            tasks.append(BenchTask(
                id: "permutation-720" + (threads == nil ? "" : "-1thread"),
                title: "Exact permutation test, GLMM log OR, 720 allocations (\(label))",
                size: Datasets.swift.label) { context in try permutation(context, threads: threads) })
        }
        for threads in [nil, 1] as [Int?] {
            let label = threads.map { "\($0) thread" } ?? "all cores"
            tasks.append(BenchTask(
                id: "power-1000" + (threads == nil ? "" : "-1thread"),
                title: "Simulation power, 1,000 trials, Laplace GLMM each (\(label))",
                size: "6 sites × 5 periods × 14 = 420 per trial") { context in try power(context, threads: threads) })
        }
        return tasks
    }

    /// CTN-0097's sequences: sequence `s` is on the intervention from period `s` (RRRRR, SRRRR, …, SSSSS).
    static func schedule(_ shape: Datasets.Shape) -> [[Bool]] {
        shape.crossovers.map { c in (0..<shape.periods).map { $0 >= c } }
    }

    static func permutation(_ context: BenchContext, threads: Int?) throws -> TaskResult {
        let shape = Datasets.swift
        let cells = try ModelData.cells(context, shape)
        let table = try NumericCSV(path: context.dataFile(shape.cellsFile), columns: ["site", "period", "treat", "y", "n"])
        let statistic = try GLMMPermutationStatistic(
            cells: cells, period: table.column("period").map { Int($0) }, treatmentColumn: 1, schedule: schedule(shape))
        let observed = Array(0..<shape.sites)
        let options = PermutationOptions(keepsDistribution: false, threads: threads)
        var result = try PermutationTest.run(observed: observed, space: .permutations(of: observed), options: options) {
            statistic($0)
        }
        let sample = try Stopwatch.measure(minimumRuns: 3, budget: context.budget) {
            result = try PermutationTest.run(observed: observed, space: .permutations(of: observed), options: options) {
                statistic($0)
            }
        }
        return TaskResult(sample, estimates: [
            "p_value": result.pValue, "observed": result.observed, "evaluated": Double(result.evaluated),
            "failed": Double(result.failedCount),
        ], note: "\(result.evaluated) allocations evaluated, p = \(result.pValue)")
    }

    static func power(_ context: BenchContext, threads: Int?) throws -> TaskResult {
        let shape = Datasets.swift
        let treatment = schedule(shape).map { $0.map { $0 ? 1.0 : 0.0 } }
        let sizes = Array(repeating: Array(repeating: 14, count: shape.periods), count: shape.sites)
        let assumptions = PowerAssumptions(controlProportion: 0.358, interventionProportion: 0.627, icc: 0.05,
                                           clusterPeriodSize: 14)
        let settings = PowerSimulationSettings(trials: 1000, seed: "bench", threads: threads)
        var result = SimulatedPower.run(treatment: treatment, sizes: sizes, assumptions: assumptions, settings: settings)
        let sample = Stopwatch.measure(minimumRuns: 3, budget: context.budget) {
            result = SimulatedPower.run(treatment: treatment, sizes: sizes, assumptions: assumptions, settings: settings)
        }
        return TaskResult(sample, estimates: [
            "power": result.power.estimate, "usable": Double(result.usable), "nonconverged": Double(result.nonconverged),
        ], note: "power \(result.power.estimate), \(result.usable) usable fits")
    }
}
