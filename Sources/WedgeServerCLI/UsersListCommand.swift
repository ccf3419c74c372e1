// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeServer
import WedgeStore

/// `wedge-server users list`.
struct UsersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let accounts = try await AccountAdministration.run(store) { _, state in try await state.accounts() }
        print(accounts.isEmpty ? "No accounts." : accounts.map(AccountAdministration.line).joined(separator: "\n"))
    }
}
