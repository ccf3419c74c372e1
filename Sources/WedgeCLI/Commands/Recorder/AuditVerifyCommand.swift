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
        let report = verification.report(integrity: integrity, keptHead: expect)
        guard report.isIntact else { throw CLIError(report.text) }
        return report.text
    }
}
