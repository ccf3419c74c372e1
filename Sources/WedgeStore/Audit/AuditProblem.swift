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

    /// Creates a problem.
    public init(entryID: Int64? = nil, participantID: String? = nil, field: String? = nil, problem: String) {
        self.entryID = entryID
        self.participantID = participantID
        self.field = field
        self.problem = problem
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
