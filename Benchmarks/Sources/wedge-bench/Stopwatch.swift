// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Times a task: warm-up runs, then repeated runs until both a minimum count and a time budget are reached.
///
/// The median is the headline number (robust to the noise of a shared machine); the minimum is the best case.
struct Stopwatch {
    /// The wall times of one task's timed runs.
    struct Sample {
        var median: Double
        var minimum: Double
        var runs: Int
    }

    /// Runs `body` `warmup` times untimed, then at least `minimumRuns` times and until `budget` seconds of timed
    /// runs have passed (at most `maximumRuns`).
    static func measure(warmup: Int = 1, minimumRuns: Int = 5, maximumRuns: Int = 10_000, budget: Double = 1,
                        _ body: () throws -> Void) rethrows -> Sample {
        for _ in 0..<warmup { try body() }
        var times: [Double] = []
        var total = 0.0
        while times.count < maximumRuns && (times.count < minimumRuns || total < budget) {
            let seconds = try time(body)
            times.append(seconds)
            total += seconds
        }
        return summarize(times)
    }

    /// The wall time of one call of `body`, in seconds.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The median (the mean of the middle two for an even count) and minimum of `times`.
    static func summarize(_ times: [Double]) -> Sample {
        let sorted = times.sorted()
        let mid = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid])
        return Sample(median: median, minimum: sorted[0], runs: sorted.count)
    }

    /// A human-readable duration: µs, ms or s with three significant figures.
    static func format(_ seconds: Double) -> String {
        if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.2f s", seconds)
    }
}
