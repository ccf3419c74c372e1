// SPDX-License-Identifier: Apache-2.0

import Foundation
import RealModule
import Testing

/// One row of a CSV fixture written by `Fixtures/reference.R`, as named string fields.
struct ReferenceRow: Sendable, CustomStringConvertible {
    var fields: [String: String]

    /// The field parsed as a `Double`, or `nil` when empty.
    func double(_ name: String) -> Double? {
        fields[name].flatMap { Double($0) }
    }

    /// The field parsed as an `Int`; traps on malformed fixtures.
    func int(_ name: String) -> Int {
        Int(fields[name]!)!
    }

    var description: String {
        fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}

/// Loads the R-generated fixtures bundled with the test target.
enum ReferenceTable {
    /// All rows of `Fixtures/<name>.csv`.
    static func load(_ name: String) throws -> [ReferenceRow] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let header = lines.removeFirst().map(String.init)
        return lines.map { cells in
            ReferenceRow(fields: Dictionary(uniqueKeysWithValues: zip(header, cells.map(String.init))))
        }
    }

    /// Rows of `distributions.csv` whose `fn` column equals `function`.
    static func distribution(_ function: String) throws -> [ReferenceRow] {
        let rows = try load("distributions").filter { $0.fields["fn"] == function }
        try #require(!rows.isEmpty, "no fixture rows for \(function)")
        return rows
    }

    /// Rows of `proportions.csv` whose `method` column equals `method`.
    static func proportion(_ method: String) throws -> [ReferenceRow] {
        let rows = try load("proportions").filter { $0.fields["method"] == method }
        try #require(!rows.isEmpty, "no fixture rows for \(method)")
        return rows
    }
}

/// Relative tolerance used against R's values throughout the suite.
///
/// R's `pnorm`, `pt`, `pchisq`, `pbeta` and their quantiles are accurate to a few ulps;
/// our kernels form log-gamma prefactors and iterate to near machine precision, so 1e-10
/// leaves several orders of magnitude of headroom while still catching any wrong formula,
/// coefficient or branch (those are off by far more than 1e-10).
let referenceTolerance = 1e-10

/// Expects `actual ≈ expected` to relative tolerance `tolerance`; exact zeros must match exactly.
func expectClose(
    _ actual: Double, _ expected: Double, tolerance: Double = referenceTolerance,
    _ context: @autoclosure () -> String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    let ok = actual == expected || actual.isApproximatelyEqual(to: expected, relativeTolerance: tolerance)
    #expect(
        ok,
        "\(context()): got \(actual), expected \(expected), relative error \(abs(actual - expected) / abs(expected))",
        sourceLocation: sourceLocation)
}
