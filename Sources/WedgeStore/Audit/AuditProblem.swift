// SPDX-License-Identifier: Apache-2.0

/// One sign of tampering found by ``StudyStore/verifyAuditChain()``.
public struct AuditProblem: Sendable, Equatable, CustomStringConvertible {
    /// The audit entry involved, when the problem is in the log itself.
    public var entryID: Int64?
    /// The participant involved, when the problem is in participant data.
    public var participantID: String?
    /// The field involved, when one is.
    public var field: String?
    /// What is wrong.
    public var problem: String
    /// The table the problem concerns, when known: the entry's `table_name`, or the table holding the field.
    public var table: String?
    /// The row the problem concerns, when known: a participant id, a study id, or an adverse event id.
    public var row: String?

    /// Creates a problem.
    public init(
        entryID: Int64? = nil, participantID: String? = nil, field: String? = nil, problem: String,
        table: String? = nil, row: String? = nil
    ) {
        self.entryID = entryID
        self.participantID = participantID
        self.field = field
        self.problem = problem
        self.table = table
        self.row = row
    }

    /// Where the problem is, for people: `table induction, row P001` (or `nil` when unknown).
    public var tableAndRow: String? {
        guard let table else { return nil }
        return "table \(table)" + (row.map { ", row \($0)" } ?? "")
    }

    /// The problem with its location, such as `audit entry 12: hash does not match its contents`.
    public var description: String {
        var location: [String] = []
        if let entryID { location.append("audit entry \(entryID)") }
        if let participantID { location.append("participant \(participantID)") }
        if let field { location.append("field '\(field)'") }
        return (location.isEmpty ? "" : location.joined(separator: ", ") + ": ") + problem
    }
}
