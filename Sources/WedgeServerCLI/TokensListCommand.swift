// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeServer
import WedgeStore

/// `wedge-server tokens list`.
struct TokensListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List API tokens (never the tokens themselves).")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let tokens = try await AccountAdministration.run(store) { _, state in try await state.tokens() }
        print(tokens.isEmpty ? "No tokens." : tokens.map(AccountAdministration.line).joined(separator: "\n"))
    }
}
