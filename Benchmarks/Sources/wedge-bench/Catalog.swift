// SPDX-License-Identifier: Apache-2.0

/// Every benchmark, in table order.
enum Catalog {
    static var tasks: [BenchTask] {
        ModelBenchmarks.tasks + InferenceBenchmarks.tasks + SurvivalBenchmarks.tasks + ParallelBenchmarks.tasks + AnalysisBenchmarks.tasks
            + ReportBenchmarks.tasks + ScheduleBenchmarks.tasks + CSVBenchmarks.tasks + ProcessBenchmarks.tasks
    }

    /// The tasks whose id contains one of the comma-separated `filter` terms (all when `filter` is nil).
    static func select(_ filter: String?) -> [BenchTask] {
        guard let filter else { return tasks }
        let terms = filter.split(separator: ",").map(String.init)
        return tasks.filter { task in terms.contains { task.id == $0 || task.id.contains($0) } }
    }
}
