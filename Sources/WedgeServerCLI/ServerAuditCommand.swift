// SPDX-License-Identifier: Apache-2.0

import ArgumentParser

/// `wedge-server audit`: the audit trail of a shared study database.
struct ServerAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the audit trail of a study database.",
        subcommands: [ServerAuditVerifyCommand.self])
}
