// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeStore

/// `wedge audit verify`: checks the hash chain, replays it against the data, and runs SQLite's integrity check.
struct AuditVerifyCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the audit trail and the database; exit 1 naming the first broken entry.",
        discussion: """
            Finds any change made outside Wedge: an edited, removed or inserted audit entry, and any participant, \
            outcome, baseline, flag, adverse event, study or site row changed with SQL. It cannot see entries \
            removed from the end of the log together with their changes: keep the head printed here (or by \
            `wedge audit head`), and pass it later as --expect COUNT:HASH.
            """)

    @Option(help: "The study database.", completion: .file())
    var db: String

    @Option(help: ArgumentHelp("A head kept earlier (`wedge audit head`): fail unless the log still extends it.",
                               valueName: "count:hash"))
    var expect: String?

    func validate() throws {
        if let expect, AuditHead(parsing: expect) == nil {
            throw ValidationError("--expect takes COUNT:HASH as `wedge audit head` prints it (a whole number, a colon "
                                  + "and 64 lowercase hexadecimal digits), not '\(expect.prefix(80))'.")
        }
    }

    func execute() throws -> String {
        let store = try StudyStore.open(at: db)
        let verification = try store.verifyAuditChain()
        let integrity = try store.checkIntegrity()
        if let expected = expect.flatMap(AuditHead.init(parsing:)) {
            let hashAtCount = try store.auditHash(ofEntry: expected.count)
            if let problem = expected.problem(count: verification.entryCount, hashAtCount: hashAtCount) {
                throw CLIError("'\(db)': the audit log does not extend the kept head \(expected): \(problem). "
                               + "Restore the database from a backup, and keep this report.")
            }
        }
        guard verification.isIntact, integrity.isEmpty else {
            var lines: [String] = []
            let problems = verification.problems
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
                lines.append("SQLite integrity check failed:")
                lines += integrity.prefix(20).map { "  " + $0 }
            }
            lines.append("The database was changed outside Wedge or is damaged. Restore it from a backup, and keep "
                         + "this report.")
            throw CLIError(lines.joined(separator: "\n"))
        }
        return """
            Audit trail intact: \(verification.entryCount) entries, head hash \(verification.headHash).
            \(expect.map { "It extends the kept head \($0)." } ?? "Head: \(verification.entryCount):\(verification.headHash)")
            Database integrity: ok.
            Keep the entry count and head hash: a later verification that shows fewer entries or another head \
            reveals entries removed from the end.

            """
    }

    private static func text(_ problem: AuditProblem) -> String {
        var parts: [String] = []
        if let participant = problem.participantID { parts.append("participant \(participant)") }
        if let field = problem.field { parts.append("field '\(field)'") }
        return (parts.isEmpty ? "" : parts.joined(separator: ", ") + ": ") + problem.problem
    }
}
