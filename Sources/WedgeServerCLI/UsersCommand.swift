// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeServer
import WedgeStore

/// `wedge-server users`: server accounts.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add, list, disable and change server accounts.",
        subcommands: [UsersAddCommand.self, UsersListCommand.self, UsersDisableCommand.self,
                      UsersResetPasswordCommand.self, UsersSetRoleCommand.self])
}
