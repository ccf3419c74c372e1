// SPDX-License-Identifier: Apache-2.0

import CSV
import Foundation
import WedgeCore

/// `wedge-bench csv-cases`: what Wedge's CSV reader and yaslab/CSV.swift 2.5.2 make of malformed files, side by
/// side, as a Markdown table (the evidence behind `docs/csv-reading.md`).
///
/// Both read every line as a record (CSV.swift with `hasHeaderRow: false`). For CSV.swift the table shows the
/// records it returns and every distinct `reader.error` seen after a `next()`; on Linux every file, good or bad,
/// ends with `cannotReadFile`.
enum CSVCases {
    /// The cases: a name and the file's bytes.
    static let cases: [(String, [UInt8])] = [
        ("well formed", Array("a,b,c\n1,2,3\n".utf8)),
        ("well formed, no final line break", Array("a,b,c\n1,2,3".utf8)),
        ("quote never closed", Array("a,b,c\n1,2,3\n4,\"open,5,6\n7,8,9\n".utf8)),
        ("quote inside an unquoted field", Array("a,b,c\n1,ab\"c,3\n4,5,6\n".utf8)),
        ("text after a closing quote", Array("a,b,c\n1,\"ab\"c,3\n4,5,6\n".utf8)),
        ("rows of 2 and 4 fields", Array("a,b,c\n1,2\n3,4,5,6\n".utf8)),
        ("line breaks inside quotes", Array("a,b,c\n1,\"x\ny\",3\n4,\"p\r\nq\",6\n".utf8)),
        ("CRLF line ends", Array("a,b,c\r\n1,2,3\r\n".utf8)),
        ("UTF-8 byte-order mark", [0xEF, 0xBB, 0xBF] + Array("a,b,c\n1,2,3\n".utf8)),
        ("blank line in the middle", Array("a,b,c\n1,2,3\n\n4,5,6\n".utf8)),
        ("invalid UTF-8 byte in a field", Array("a,b,c\n1,x".utf8) + [0xFF] + Array("y,3\n4,5,6\n".utf8)),
        ("invalid UTF-8 in the header", Array("a,".utf8) + [0xC3] + Array("(b,c\n1,2,3\n".utf8)),
        ("character cut at the end of the file", Array("a,b,c\n4,5,".utf8) + [0xE2, 0x82]),
    ]

    /// Prints the table.
    static func report() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-csv-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        print("| case | Wedge's reader | CSV.swift 2.5.2 |")
        print("|---|---|---|")
        for (index, (name, bytes)) in cases.enumerated() {
            let path = directory.appendingPathComponent("case-\(index).csv").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            print("| \(name) | \(wedge(bytes)) | \(try csvSwift(path)) |")
        }
    }

    private static func wedge(_ bytes: [UInt8]) -> String {
        var reader = CSVChunkedReader()
        var records: [[String]] = []
        do {
            try reader.feed(bytes) { records.append($0.fields) }
            try reader.finish { records.append($0.fields) }
            return show(records)
        } catch let error as CSVParser.SyntaxError {
            return "**refused**: line \(error.line): \(error.problem)"
        } catch {
            return "**refused**: \(error)"
        }
    }

    private static func csvSwift(_ path: String) throws -> String {
        guard let stream = InputStream(fileAtPath: path) else { throw BenchError("cannot open \(path)") }
        let reader = try CSVReader(stream: stream, hasHeaderRow: false)
        var records: [[String]] = []
        var errors: [String] = []
        while true {
            let row = reader.next()
            if let error = reader.error, errors.last != "\(error)" { errors.append("\(error)") }
            guard let row else { break }
            records.append(row)
        }
        return show(records) + "; errors seen: " + (errors.isEmpty ? "none" : errors.joined(separator: ", "))
    }

    /// Records as `[a, b] [c]`, each field in Swift's escaped form, pipes escaped for Markdown.
    private static func show(_ records: [[String]]) -> String {
        records.map { "[" + $0.map { String(reflecting: $0) }.joined(separator: ", ") + "]" }.joined(separator: " ")
            .replacingOccurrences(of: "|", with: "\\|")
    }
}
