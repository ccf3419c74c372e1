// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The output formats: a Markdown table for people, JSON and a long TSV for scripts.
enum Report {
    struct Document: Codable {
        var machine: Machine
        var results: [TaskResult]
    }

    static func megabytes(_ bytes: Double) -> String { String(format: "%.0f MB", bytes / 1_048_576) }

    static func markdown(_ results: [TaskResult]) -> String {
        var text = "Machine: \(Machine.current.summary).\n"
        text += "Median and minimum wall time of the timed runs, median processor time (user + system, all threads), "
        text += "and peak resident memory of the process.\n\n"
        text += "| task | id | n | median | min | CPU | runs | peak memory |\n|---|---|---|---:|---:|---:|---:|---:|\n"
        for r in results {
            text += "| \(r.title) | `\(r.id)` | \(r.size) | \(Stopwatch.format(r.median)) | \(Stopwatch.format(r.minimum)) "
                + "| \(Stopwatch.format(r.cpuMedian)) | \(r.runs) | \(megabytes(r.peakBytes)) |\n"
        }
        return text
    }

    /// One line per task and quantity: `task, key, value`, with the timings as keys `median`, `minimum`,
    /// `cpu_median`, `runs`, `peak_mb`.
    static func tsv(_ results: [TaskResult]) -> String {
        var text = "task\tkey\tvalue\n"
        for r in results {
            var values = r.estimates
            values["median"] = r.median
            values["minimum"] = r.minimum
            values["cpu_median"] = r.cpuMedian
            values["runs"] = Double(r.runs)
            values["peak_mb"] = r.peakBytes / 1_048_576
            for key in values.keys.sorted() { text += "\(r.id)\t\(key)\t\(String(format: "%.17g", values[key]!))\n" }
        }
        return text
    }
}
