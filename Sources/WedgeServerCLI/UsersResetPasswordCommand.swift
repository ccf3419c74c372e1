// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeServer
import WedgeStore

/// `wedge-server users reset-password`.
struct UsersResetPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password", abstract: "Give an account a new generated password; prints it once.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The username.") var username: String

    func run() async throws {
        let password = Passwords.generate()
        _ = try await AccountAdministration.run(store) { service, _ in
            try await service.resetPassword(username: username, password: password)
        }
        print("New password for \(username) (shown once): \(password)")
    }
}
