// SPDX-License-Identifier: Apache-2.0

/// The measurements of one task, written by the child process as JSON and collected by the parent.
struct TaskResult: Codable {
    var id: String = ""
    var title: String = ""
    var size: String = ""
    /// Median wall time of one run, seconds.
    var median: Double
    /// Fastest run, seconds.
    var minimum: Double
    /// Timed runs.
    var runs: Int
    /// Median processor time (user + system, all threads) of one run, seconds.
    var cpuMedian: Double
    /// Peak resident memory in bytes: of the spawned process for whole-process tasks, else of the task's child
    /// process (dataset loading included).
    var peakBytes: Double = 0
    /// Whether the task ran as a whole process (`wedge …`) rather than in-process.
    var wholeProcess: Bool = false
    /// Estimates the comparison script checks against R, and counters such as GLMM evaluations.
    var estimates: [String: Double] = [:]
    /// Anything worth saying next to the number.
    var note: String = ""

    init(_ sample: Stopwatch.Sample, estimates: [String: Double] = [:], note: String = "") {
        median = sample.median
        minimum = sample.minimum
        runs = sample.runs
        cpuMedian = sample.cpuMedian
        self.estimates = estimates
        self.note = note
    }
}
