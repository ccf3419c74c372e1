// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser

/// `wedge audit`: the audit trail's history and its verification.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show or verify the hash-chained audit trail.",
        subcommands: [AuditLogCommand.self, AuditVerifyCommand.self, AuditHeadCommand.self])
}
