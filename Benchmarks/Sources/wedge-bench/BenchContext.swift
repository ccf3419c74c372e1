// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Where a task finds its inputs and tools.
struct BenchContext {
    /// The generated datasets (`wedge-bench generate`), by default `Benchmarks/data`.
    var data: String
    /// The Wedge repository (the folder above `Benchmarks`).
    var root: String
    /// The release `wedge` executable, for the tasks that run it as a whole process.
    var wedge: String
    /// The time budget of each task's timed runs, in seconds (more runs are made until it is spent).
    var budget: Double

    /// `data/<name>`.
    func dataFile(_ name: String) -> String { (data as NSString).appendingPathComponent(name) }

    /// `<root>/<relative>`.
    func repoFile(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// Fails with advice when the `wedge` executable is missing.
    func requireWedge() throws {
        guard FileManager.default.isExecutableFile(atPath: wedge) else {
            throw BenchError("no wedge executable at \(wedge); build it with `swift build -c release --product wedge` in Benchmarks/ "
                + "(or in the repository root), or pass --wedge PATH.")
        }
    }
}
