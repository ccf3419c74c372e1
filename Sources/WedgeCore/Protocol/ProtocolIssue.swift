// SPDX-License-Identifier: Apache-2.0

/// One problem found in a protocol file: where it is, what is wrong, and what is expected instead.
public struct ProtocolIssue: Sendable, Equatable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// The 1-based line, when it is known.
    public var line: Int?
    /// The dotted path of the field, such as `design.sequences[2]` or `calendar.start_date`.
    public var field: String
    /// The offending value as written, or `nil` when the field is missing.
    public var value: String?
    /// What is wrong.
    public var problem: String
    /// What is expected instead, phrased as advice.
    public var expected: String

    /// Creates an issue.
    public init(file: String, line: Int?, field: String, value: String?, problem: String, expected: String) {
        self.file = file
        self.line = line
        self.field = field
        self.value = value
        self.problem = problem
        self.expected = expected
    }

    /// `FILE:LINE: field 'F' = VALUE: problem. Expected …`
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        let shown = value.map { " = \($0)" } ?? ""
        return "\(location): field '\(field)'\(shown): \(problem). \(expected)"
    }
}
