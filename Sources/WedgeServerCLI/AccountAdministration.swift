// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeServer
import WedgeStore

/// Opens a study for a `users` or `tokens` command and runs `body` with its account service, closing it after.
enum AccountAdministration {
    static func run<T>(_ options: StoreOptions, _ body: (AccountService, ServerState) async throws -> T) async throws -> T {
        let engine = try await options.open()
        do {
            let schedule = try await engine.fetchSchedule()
            let service = AccountService(state: engine.serverState, sites: Set(schedule.protocol.sites.map(\.id)))
            let result = try await body(service, engine.serverState)
            await engine.close()
            return result
        } catch {
            await engine.close()
            throw error
        }
    }

    /// One line describing an account.
    static func line(_ account: Account) -> String {
        "\(account.username)\t\(account.role.rawValue)\t\(account.siteID ?? "-")\t"
            + "\(account.isDisabled ? "disabled" : "active")\tcreated \(account.createdAt)"
    }

    /// One line describing a token.
    static func line(_ token: APIToken) -> String {
        "\(token.id)\t\(token.username)\t\(token.label)\texpires \(token.expiresAt)\t"
            + (token.revokedAt.map { "revoked \($0)" } ?? "active")
    }
}
