// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeServer
import WedgeStore

/// `wedge-server users add`: a new account with a generated one-time password.
struct UsersAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an account; prints its generated password once.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The username: 2 to 32 lower-case letters, digits, '.', '_' or '-'.") var username: String
    @Option(help: "The role: \(AccountRole.allCases.map(\.rawValue).joined(separator: ", ")).") var role: AccountRole
    @Option(help: "The site (a site coordinator's only).") var site: String?

    func run() async throws {
        let password = Passwords.generate()
        let account = try await AccountAdministration.run(store) { service, _ in
            try await service.createUser(username: username, password: password, role: role, site: site)
        }
        print("Added \(AccountAdministration.line(account))\nPassword (shown once): \(password)")
    }
}
