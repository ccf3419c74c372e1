// SPDX-License-Identifier: Apache-2.0

/// One data row of a streamed participant file: where it starts, its raw fields, and what it became.
public struct ParticipantCSVRow: Sendable {
    /// The 1-based line on which the row starts.
    public var line: Int
    /// The fields as read (unquoted, untrimmed), in file column order.
    public var fields: [String]
    /// The enrollment with its review flags, or every problem of the row (each with file and line).
    public var result: Result<(enrollment: Enrollment, flags: [OutcomeFlag]), DataFileError>

    /// Creates a row.
    public init(line: Int, fields: [String], result: Result<(enrollment: Enrollment, flags: [OutcomeFlag]), DataFileError>) {
        self.line = line
        self.fields = fields
        self.result = result
    }
}
