// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Times a task: warm-up runs, then the median and minimum wall time of `repetitions` runs.
struct Stopwatch {
    struct Result {
        var name: String
        var median: Double
        var minimum: Double
        var repetitions: Int
        var note: String
    }

    static func measure(_ name: String, repetitions: Int, warmup: Int = 1, note: String = "",
                        _ body: () throws -> Void) rethrows -> Result {
        for _ in 0..<warmup { try body() }
        var times: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return Result(name: name, median: times[times.count / 2], minimum: times[0], repetitions: repetitions, note: note)
    }

    static func format(_ seconds: Double) -> String {
        if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.2f s", seconds)
    }
}
