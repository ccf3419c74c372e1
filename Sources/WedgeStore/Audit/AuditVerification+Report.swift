// SPDX-License-Identifier: Apache-2.0

extension AuditVerification {
    /// The report of a verification as both command lines print it: one paragraph when the log is intact, or the
    /// first broken entry and up to 50 problems (and up to 20 lines of the engine's own integrity check) when not.
    ///
    /// - Parameters:
    ///   - integrity: Problems found by the engine's own consistency check (SQLite's `integrity_check`),
    ///     or none.
    ///   - keptHead: A head kept earlier (`COUNT:HASH`) that the log was already checked to extend, or `nil`.
    /// - Returns: Whether everything is intact, and the text.
    public func report(integrity: [String] = [], keptHead: String? = nil) -> (isIntact: Bool, text: String) {
        guard isIntact, integrity.isEmpty else {
            var lines: [String] = []
            if let first = problems.first(where: { $0.entryID != nil }) ?? problems.first {
                lines.append("The audit trail is broken. First broken "
                             + (first.entryID.map { "entry: audit entry \($0)" } ?? "record")
                             + (first.tableAndRow.map { " (\($0))" } ?? "") + ": " + Self.text(first) + ".")
            }
            if !problems.isEmpty {
                lines.append("\(problems.count) problem(s):")
                lines += problems.prefix(50).map { "  " + ($0.tableAndRow.map { "[\($0)] " } ?? "") + $0.description }
                if problems.count > 50 { lines.append("  … and \(problems.count - 50) more.") }
            }
            if !integrity.isEmpty {
                lines.append("Database integrity check failed:")
                lines += integrity.prefix(20).map { "  " + $0 }
            }
            lines.append("The database was changed outside Wedge or is damaged. Restore it from a backup, and keep "
                         + "this report.")
            return (false, lines.joined(separator: "\n"))
        }
        return (true, """
            Audit trail intact: \(entryCount) entries, head hash \(headHash).
            \(keptHead.map { "It extends the kept head \($0)." } ?? "Head: \(entryCount):\(headHash)")
            Database integrity: ok.
            Keep the entry count and head hash: a later verification that shows fewer entries or another head \
            reveals entries removed from the end.

            """)
    }

    private static func text(_ problem: AuditProblem) -> String {
        var parts: [String] = []
        if let participant = problem.participantID { parts.append("participant \(participant)") }
        if let field = problem.field { parts.append("field '\(field)'") }
        return (parts.isEmpty ? "" : parts.joined(separator: ", ") + ": ") + problem.problem
    }
}
