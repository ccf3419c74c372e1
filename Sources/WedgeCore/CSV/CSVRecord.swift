// SPDX-License-Identifier: Apache-2.0

/// One record of a CSV file: its fields and the 1-based line on which it starts.
public struct CSVRecord: Sendable, Equatable {
    /// The line on which the record starts (a quoted field may span lines).
    public var line: Int
    /// The fields, unquoted.
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
