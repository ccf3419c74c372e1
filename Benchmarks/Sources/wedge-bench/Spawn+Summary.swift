// SPDX-License-Identifier: Apache-2.0

extension Spawn {
    /// The result of whole-process runs: the median and fastest wall time and median processor time of the
    /// processes, and the largest peak memory among them.
    static func summary(_ outcomes: [Outcome]) -> TaskResult {
        var result = TaskResult(Stopwatch.summarize(outcomes.map { Stopwatch.Timing(wall: $0.seconds, cpu: $0.cpuSeconds) }))
        result.peakBytes = outcomes.map(\.peakBytes).max() ?? 0
        result.wholeProcess = true
        return result
    }

    /// Repeats `run` (one process each time) as ``Stopwatch/measure(warmup:minimumRuns:maximumRuns:budget:_:)``
    /// repeats a task, then gives the ``summary(_:)`` of the timed runs' processes.
    static func measure(
        _ context: BenchContext, warmup: Int = 1, minimumRuns: Int, _ run: () throws -> Outcome
    ) throws -> TaskResult {
        var outcomes: [Outcome] = []
        let sample = try Stopwatch.measure(warmup: warmup, minimumRuns: minimumRuns, budget: context.budget) {
            outcomes.append(try run())
        }
        return summary(Array(outcomes.suffix(sample.runs)))
    }
}
