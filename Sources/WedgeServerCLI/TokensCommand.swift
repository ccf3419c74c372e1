// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeServer
import WedgeStore

/// `wedge-server tokens`: API tokens.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Create, revoke and list API tokens.",
        subcommands: [TokensCreateCommand.self, TokensRevokeCommand.self, TokensListCommand.self])
}
