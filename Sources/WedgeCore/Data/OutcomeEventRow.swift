// SPDX-License-Identifier: Apache-2.0

/// One data row of a streamed event file: where it starts, its raw fields, and what it became.
public struct OutcomeEventRow: Sendable {
    /// The 1-based line on which the row starts.
    public var line: Int
    /// The fields as read, in file column order.
    public var fields: [String]
    /// The event, or every problem of the row's form (each with file and line).
    public var result: Result<OutcomeEvent, DataFileError>

    /// Creates a row.
    public init(line: Int, fields: [String], result: Result<OutcomeEvent, DataFileError>) {
        self.line = line
        self.fields = fields
        self.result = result
    }
}
