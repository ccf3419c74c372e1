// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Times a task: warm-up runs, then repeated runs until both a minimum count and a time budget are reached.
///
/// The median is the headline number (robust to the noise of a shared machine); the minimum is the best case.
/// Processor time (user + system, all threads of the process) is measured alongside wall time: on a loaded machine
/// it is the steadier of the two, and for parallel work it shows how many cores were kept busy.
struct Stopwatch {
    /// The wall and processor times of one task's timed runs.
    struct Sample {
        var median: Double
        var minimum: Double
        var runs: Int
        /// The median processor time of one run, seconds.
        var cpuMedian: Double
    }

    /// One run's wall and processor time, seconds.
    struct Timing {
        var wall: Double
        var cpu: Double
    }

    /// Runs `body` `warmup` times untimed, then at least `minimumRuns` times and until `budget` seconds of timed
    /// runs have passed (at most `maximumRuns`).
    static func measure(warmup: Int = 1, minimumRuns: Int = 5, maximumRuns: Int = 10_000, budget: Double = 1,
                        _ body: () throws -> Void) rethrows -> Sample {
        for _ in 0..<warmup { try body() }
        var times: [Timing] = []
        var total = 0.0
        while times.count < maximumRuns && (times.count < minimumRuns || total < budget) {
            let timing = try time(body)
            times.append(timing)
            total += timing.wall
        }
        return summarize(times)
    }

    /// The wall and processor time of one call of `body`.
    static func time(_ body: () throws -> Void) rethrows -> Timing {
        let cpu = processorSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Timing(wall: wall, cpu: processorSeconds() - cpu)
    }

    /// The processor time this process has used so far (all threads), seconds.
    static func processorSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The median (the mean of the middle two for an even count) and minimum wall time, and the median processor time.
    static func summarize(_ times: [Timing]) -> Sample {
        let wall = times.map(\.wall).sorted(), cpu = times.map(\.cpu).sorted()
        return Sample(median: median(wall), minimum: wall[0], runs: wall.count, cpuMedian: median(cpu))
    }

    static func median(_ sorted: [Double]) -> Double {
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid])
    }

    /// A human-readable duration: µs, ms or s with three significant figures.
    static func format(_ seconds: Double) -> String {
        if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.2f s", seconds)
    }
}
