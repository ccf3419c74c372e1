// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeServer
import WedgeStore

/// `wedge-server tokens create`.
struct TokensCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Issue an API token for an account; prints it once (only its hash is kept).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The account the token acts as.") var username: String
    @Option(help: "What the token is for.") var label: String
    @Option(help: "Days until it expires (1–365).") var days: Int = 90

    func run() async throws {
        let (token, record) = try await AccountAdministration.run(store) { service, _ in
            try await service.issueToken(username: username, label: label, days: days)
        }
        print("Issued \(AccountAdministration.line(record))\nToken (shown once): \(token)")
    }
}
