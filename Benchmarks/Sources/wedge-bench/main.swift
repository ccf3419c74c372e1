// SPDX-License-Identifier: Apache-2.0

import Foundation

// Run from the Benchmarks folder:
//   swift build -c release && .build/release/wedge-bench generate && .build/release/wedge-bench [--filter glmm]
// See Benchmarks/README.md.
let usage = """
    usage: wedge-bench [run] [--filter ID,…] [--json FILE] [--tsv FILE] [common options]
           wedge-bench generate [--force] [common options]
           wedge-bench list
           wedge-bench limit [common options]
           wedge-bench csv-cases
    common options: --data DIR (default data) --root DIR (default ..) --wedge PATH --budget SECONDS (default 1)
    """

let parsed: CommandLineArguments
do {
    parsed = try CommandLineArguments(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("\(error)\n\(usage)\n".utf8))
    exit(64)
}
let command = parsed.command, positional = parsed.positional, values = parsed.values, flags = parsed.flags
if flags.contains("--help") || flags.contains("-h") {
    print(usage)
    exit(0)
}

let root = values["root"] ?? ".."
// --wedge is taken as given; otherwise this package's release build, else the repository's.
let wedgeCandidates = [".build/release/wedge", "\(root)/.build/release/wedge"]
let context = BenchContext(
    data: values["data"] ?? "data", root: root,
    wedge: values["wedge"] ?? wedgeCandidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? wedgeCandidates[0],
    budget: Double(values["budget"] ?? "1") ?? 1)

do {
    switch command {
    case "run":
        let tasks = Catalog.select(values["filter"])
        guard !tasks.isEmpty else {
            FileHandle.standardError.write(Data("no task matches '\(values["filter"] ?? "")'; see `wedge-bench list`.\n".utf8))
            exit(64)
        }
        let ok = try Runner.run(tasks, context: context,
                                options: Runner.Options(filter: values["filter"], json: values["json"], tsv: values["tsv"]))
        exit(ok ? 0 : 1)
    case "task":
        guard let id = positional.first, let out = values["out"] else {
            FileHandle.standardError.write(Data("task needs an id and --out FILE\n".utf8))
            exit(64)
        }
        try Runner.child(id, context: context, out: out)
    case "generate":
        try Datasets.generate(context, force: flags.contains("--force"))
    case "list":
        for task in Catalog.tasks { print("\(task.id)\t\(task.title), \(task.size)") }
    case "limit":
        try GLMMLimit.report(context)
    case "csv-cases":
        try CSVCases.report()
    default:
        FileHandle.standardError.write(Data("unknown command '\(command)'\n\(usage)\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("wedge-bench: \(error)\n".utf8))
    exit(1)
}
