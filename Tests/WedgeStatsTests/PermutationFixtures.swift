// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeStats

/// Loads the R fixtures of the randomization-inference tests (`Fixtures/npwp`, `Fixtures/glmmoffset`).
enum PermutationFixtures {
    /// Rows of `Fixtures/<folder>/<name>.csv` as header-keyed string fields.
    static func table(_ folder: String, _ name: String) throws -> [[String: String]] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/\(folder)"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// The NPWP reference values of one dataset: `[quantity: [index: value]]`.
    static func npwp(_ dataset: String) throws -> [String: [Int: Double]] {
        var out: [String: [Int: Double]] = [:]
        for row in try table("npwp", "npwp") where row["dataset"] == dataset {
            out[row["quantity"]!, default: [:]][Int(row["index"]!)!] = Double(row["value"]!)!
        }
        try #require(!out.isEmpty, "no NPWP fixture rows for \(dataset)")
        return out
    }

    /// A cluster × period binomial dataset with the observed sequence of each cluster.
    struct SteppedData {
        var cluster: [Int]
        var period: [Int]
        var trt: [Double]
        var successes: [Double]
        var trials: [Double]
        /// Sequence of each cluster (entry c).
        var observed: [Int]
        /// `schedule[s][j]`.
        var schedule: [[Bool]]

        /// Cells with the design (intercept, treatment, period dummies), dropping cells without trials.
        func cells() -> (BinomialCells, [Int]) {
            let keep = trials.indices.filter { trials[$0] > 0 }
            let periods = (period.max() ?? 0) + 1
            let rows = keep.map { i -> [Double] in
                [1, trt[i]] + (1..<max(periods, 1)).map { period[i] == $0 ? 1.0 : 0.0 }
            }
            let cells = BinomialCells(
                successes: keep.map { successes[$0] }, trials: keep.map { trials[$0] },
                cluster: keep.map { cluster[$0] }, design: Matrix(rows))
            return (cells, keep.map { period[$0] })
        }
    }

    /// `glmm/data_swift.csv`: 6 clusters on 6 sequences (cluster c on sequence c), treated when period ≥ c.
    static func swift() throws -> SteppedData {
        let rows = try table("glmm", "data_swift")
        return SteppedData(
            cluster: rows.map { Int($0["cluster"]!)! }, period: rows.map { Int($0["period"]!)! },
            trt: rows.map { Double($0["trt"]!)! }, successes: rows.map { Double($0["y"]!)! },
            trials: rows.map { Double($0["n"]!)! }, observed: Array(0..<6),
            schedule: (0..<6).map { s in (0..<5).map { $0 >= s } })
    }

    /// `npwp/data_classic.csv`: 6 clusters on 3 sequences of 2, treated when period > sequence.
    static func classic() throws -> SteppedData {
        let rows = try table("npwp", "data_classic")
        var observed = Array(repeating: 0, count: 6)
        for row in rows { observed[Int(row["cluster"]!)!] = Int(row["sequence"]!)! }
        return SteppedData(
            cluster: rows.map { Int($0["cluster"]!)! }, period: rows.map { Int($0["period"]!)! },
            trt: rows.map { Double($0["trt"]!)! }, successes: rows.map { Double($0["y"]!)! },
            trials: rows.map { Double($0["n"]!)! }, observed: observed,
            schedule: (0..<3).map { s in (0..<4).map { $0 > s } })
    }
}
