// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeServer
import WedgeStore

/// `wedge-server tokens revoke`.
struct TokensRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an API token by its id.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The token's id (tokens list).") var id: String

    func run() async throws {
        let token = try await AccountAdministration.run(store) { service, _ in try await service.revokeToken(id: id) }
        print("Revoked \(AccountAdministration.line(token))")
    }
}
