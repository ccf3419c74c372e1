// SPDX-License-Identifier: Apache-2.0

/// One problem in participant data: where it is, which participant and field, and what to do.
///
/// Participant values are never printed, since they may identify a person. A malformed value is described by
/// its *shape* instead (``ValueShape``): `21/03/2021` shows as `99/99/9999`, which says what is wrong with the
/// format without revealing the data.
public struct DataIssue: Sendable, Equatable, CustomStringConvertible {
    /// The file, or `nil` for a command-line entry.
    public var file: String?
    /// The 1-based line where the record starts, when it is known.
    public var line: Int?
    /// The participant identifier (or, for a screening, the screening identifier), when it is known.
    public var participantID: String?
    /// What ``participantID`` identifies, for the message: `participant`, or `screening`.
    public var subject = "participant"
    /// The column or field name.
    public var field: String
    /// The shape of the offending value (see ``ValueShape``), or `nil` when no value is involved.
    public var valueShape: String?
    /// What is wrong.
    public var problem: String
    /// What to do.
    public var expected: String

    /// Creates an issue.
    public init(
        file: String? = nil, line: Int? = nil, participantID: String? = nil, field: String, valueShape: String? = nil,
        problem: String, expected: String
    ) {
        self.file = file
        self.line = line
        self.participantID = participantID
        self.field = field
        self.valueShape = valueShape
        self.problem = problem
        self.expected = expected
    }

    public var description: String {
        var location = file.map { f in line.map { "\(f):\($0)" } ?? f } ?? (line.map { "line \($0)" } ?? "")
        if let participantID {
            // An id with a control character is shown escaped, so that it cannot break the line or the terminal.
            let printable = participantID.containsControlCharacter ? String(reflecting: participantID) : participantID
            location += (location.isEmpty ? "" : ": ") + "\(subject) \(printable)"
        }
        let shape = valueShape.map { " (value of the form \"\($0)\")" } ?? ""
        return (location.isEmpty ? "" : location + ": ") + "field '\(field)'\(shape) \(problem). \(expected)"
    }
}
