// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// Writes RFC 4180 CSV: LF line ends, and quotes only around fields that need them.
public enum CSVWriter {
    /// One field, quoted when it holds a comma, a quote, a CR or LF, or leading/trailing spaces.
    public static func escape(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, without the line end.
    public static func row(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",")
    }

    /// A whole document: a header and rows, each ending in LF.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([row(header)] + rows.map(row)).map { $0 + "\n" }.joined()
    }
}
