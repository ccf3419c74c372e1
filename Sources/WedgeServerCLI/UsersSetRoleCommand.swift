// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeServer
import WedgeStore

/// `wedge-server users set-role`.
struct UsersSetRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change an account's role and site.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The username.") var username: String
    @Option(help: "The new role.") var role: AccountRole
    @Option(help: "The site (a site coordinator's only).") var site: String?

    func run() async throws {
        let account = try await AccountAdministration.run(store) { service, _ in
            try await service.setRole(username: username, role: role, site: site)
        }
        print("Changed \(AccountAdministration.line(account))")
    }
}
