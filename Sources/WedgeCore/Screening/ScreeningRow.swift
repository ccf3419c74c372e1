// SPDX-License-Identifier: Apache-2.0

/// One data row of a streamed screening file: where it starts, its raw fields, and what it became.
public struct ScreeningRow: Sendable {
    /// The 1-based line on which the row starts.
    public var line: Int
    /// The fields as read, in file column order.
    public var fields: [String]
    /// The entry, or every problem of the row's form (each with file and line).
    public var result: Result<ScreeningEntry, DataFileError>

    /// Creates a row.
    public init(line: Int, fields: [String], result: Result<ScreeningEntry, DataFileError>) {
        self.line = line
        self.fields = fields
        self.result = result
    }
}
