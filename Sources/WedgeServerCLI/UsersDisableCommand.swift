// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeServer
import WedgeStore

/// `wedge-server users disable`.
struct UsersDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable an account: no login, and its tokens stop working.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The username.") var username: String

    func run() async throws {
        let account = try await AccountAdministration.run(store) { service, _ in try await service.disable(username: username) }
        print("Disabled \(AccountAdministration.line(account))")
    }
}
