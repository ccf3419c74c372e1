// SPDX-License-Identifier: Apache-2.0

/// The result of checking the audit log's hash chain and replaying it against the participant tables.
///
/// What holds when ``isIntact`` is true: every entry's hash matches its contents and its predecessor, ids run
/// 1, 2, 3… without gaps, and replaying the log (inserts, corrections, re-stamps, deletions) gives exactly the
/// participant data stored now. What it cannot show: that entries were not removed from the *end* of the log.
/// Record ``entryCount`` and ``headHash`` somewhere outside the database (a report, a signed e-mail) to catch
/// that too.
public struct AuditVerification: Sendable, Equatable {
    /// How many entries the log holds.
    public var entryCount: Int
    /// The hash of the last entry (64 zeros for an empty log).
    public var headHash: String
    /// Every problem found, in log order and then participant order; empty when the log is intact.
    public var problems: [AuditProblem]

    /// Creates a verification result.
    public init(entryCount: Int, headHash: String, problems: [AuditProblem]) {
        self.entryCount = entryCount
        self.headHash = headHash
        self.problems = problems
    }

    /// Whether no problem was found.
    public var isIntact: Bool { problems.isEmpty }
}
