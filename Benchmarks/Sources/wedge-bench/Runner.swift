// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Runs each selected task in a child process of its own (`wedge-bench task ID`), collects the results, and
/// writes the table, and optionally JSON and a TSV for `compare.R`.
enum Runner {
    static func run(_ tasks: [BenchTask], context: BenchContext, options: Options) throws -> Bool {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var results: [TaskResult] = []
        var failed = false
        for task in tasks {
            let out = (scratch as NSString).appendingPathComponent("\(task.id).json")
            let log = (scratch as NSString).appendingPathComponent("\(task.id).log")
            let arguments = ["task", task.id, "--out", out, "--data", context.data, "--root", context.root,
                             "--wedge", context.wedge, "--budget", String(context.budget)]
            let outcome = try Spawn.run(executable, arguments, output: log)
            guard outcome.status == 0, let json = FileManager.default.contents(atPath: out) else {
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                FileHandle.standardError.write(Data("\(task.id): FAILED (exit \(outcome.status))\n\(text)\n".utf8))
                failed = true
                continue
            }
            var result = try JSONDecoder().decode(TaskResult.self, from: json)
            result.id = task.id
            result.title = task.title
            result.size = task.size
            if !result.wholeProcess { result.peakBytes = outcome.peakBytes }
            FileHandle.standardError.write(Data(
                "\(task.id): median \(Stopwatch.format(result.median)), \(result.runs) runs\n".utf8))
            results.append(result)
        }
        print(Report.markdown(results))
        if let json = options.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(Report.Document(machine: Machine.current, results: results)).write(to: URL(fileURLWithPath: json))
        }
        if let tsv = options.tsv { try Report.tsv(results).write(toFile: tsv, atomically: true, encoding: .utf8) }
        return !failed
    }

    /// Runs one task in this process and writes its result to `out` (the child side of ``run(_:context:options:)``).
    static func child(_ id: String, context: BenchContext, out: String) throws {
        guard let task = Catalog.tasks.first(where: { $0.id == id }) else { throw BenchError("no task '\(id)'; see `wedge-bench list`.") }
        let result = try task.body(context)
        try JSONEncoder().encode(result).write(to: URL(fileURLWithPath: out))
    }

    /// Command-line options of `run`.
    struct Options {
        var filter: String?
        var json: String?
        var tsv: String?
    }
}
