// SPDX-License-Identifier: Apache-2.0

import Foundation

// Run from the Benchmarks folder: `swift run -c release wedge-bench`. Prints a Markdown table.
let cores = ProcessInfo.processInfo.activeProcessorCount
var results: [Stopwatch.Result] = []
results += try ScheduleBenchmarks.run()
results += try ImportBenchmarks.run()

print("Machine: \(cores) cores. Release build. Median (minimum) wall time over the stated repetitions.\n")
print("| task | median | minimum | runs |")
print("|---|---:|---:|---:|")
for r in results {
    print("| \(r.name) | \(Stopwatch.format(r.median)) | \(Stopwatch.format(r.minimum)) | \(r.repetitions) |")
}
