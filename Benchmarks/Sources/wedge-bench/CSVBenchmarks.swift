// SPDX-License-Identifier: Apache-2.0

import CSV
import Foundation
import WedgeCore

/// Reading the 100,000-row import file: Wedge's streaming reader against yaslab/CSV.swift 2.5.2, the package the
/// recorder issue suggested. Both stream the file and touch every field; the estimates record the counts so that
/// the two can be seen to read the same records.
enum CSVBenchmarks {
    static var tasks: [BenchTask] {
        let file = Datasets.importFile(rows: 100_000)
        return [
            BenchTask(id: "csv-read-100k", title: "CSV reading: Wedge's `CSVChunkedReader`, 64 KiB chunks",
                      size: "100,000 rows × 19 fields") { context in
                try measure(context, file: file) { path in
                    guard let handle = FileHandle(forReadingAtPath: path) else { throw BenchError("cannot open \(path)") }
                    defer { try? handle.close() }
                    var reader = CSVChunkedReader()
                    var counts = (records: 0, fields: 0, bytes: 0)
                    func count(_ record: CSVRecord) {
                        counts.records += 1
                        counts.fields += record.fields.count
                        for field in record.fields { counts.bytes += field.utf8.count }
                    }
                    while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                        // As `ParticipantFileReader` does: over the chunk's bytes, not through `Data`'s iterator.
                        try chunk.withUnsafeBytes { raw in try reader.feed(raw.bindMemory(to: UInt8.self), emit: count) }
                    }
                    try reader.finish(emit: count)
                    return counts
                }
            },
            BenchTask(id: "csv-read-100k-csvswift", title: "CSV reading: yaslab/CSV.swift 2.5.2 `CSVReader` on an `InputStream`",
                      size: "100,000 rows × 19 fields") { context in
                try measure(context, file: file) { path in
                    guard let stream = InputStream(fileAtPath: path) else { throw BenchError("cannot open \(path)") }
                    // hasHeaderRow false, so that the header counts as a record, as it does for Wedge's reader.
                    let reader = try CSVReader(stream: stream, hasHeaderRow: false)
                    var counts = (records: 0, fields: 0, bytes: 0)
                    while let row = reader.next() {
                        counts.records += 1
                        counts.fields += row.count
                        for field in row { counts.bytes += field.utf8.count }
                    }
                    // On Linux `reader.error` is `cannotReadFile` after the last row of every file (see
                    // ../shared/DEPENDENCIES.md), so it is not checked; `streamError` must not be touched.
                    return counts
                }
            },
        ]
    }

    private static func measure(
        _ context: BenchContext, file: String, read: (String) throws -> (records: Int, fields: Int, bytes: Int)
    ) throws -> TaskResult {
        let path = context.dataFile(file)
        guard FileManager.default.fileExists(atPath: path) else { throw BenchError("\(path) is missing; run `wedge-bench generate`.") }
        var counts = (records: 0, fields: 0, bytes: 0)
        let sample = try Stopwatch.measure(minimumRuns: 3, budget: context.budget) { counts = try read(path) }
        return TaskResult(sample, estimates: ["records": Double(counts.records), "fields": Double(counts.fields),
                                              "field_bytes": Double(counts.bytes)])
    }
}
