// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A CSV file of numbers with a header row, read column-wise. Only for the generated benchmark data.
struct NumericCSV {
    var header: [String]
    var rows: [[Double]]

    init(path: String, columns expected: [String]) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { throw BenchError("\(path) is empty; run `wedge-bench generate` again.") }
        header = lines.removeFirst().split(separator: ",").map(String.init)
        guard header == expected else {
            throw BenchError("\(path): header \(header) is not \(expected); run `wedge-bench generate` again.")
        }
        rows = try lines.enumerated().map { index, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let values = fields.compactMap { Double($0) }
            guard values.count == expected.count else {
                throw BenchError("\(path):\(index + 2): expected \(expected.count) numbers, got '\(line)'.")
            }
            return values
        }
    }

    func column(_ name: String) -> [Double] {
        let j = header.firstIndex(of: name)!
        return rows.map { $0[j] }
    }
}
