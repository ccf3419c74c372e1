// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import Hummingbird
import HTTPTypes
import WedgeStore

/// `/api/v1/users` and `/api/v1/tokens`: account and token administration, for the admin role only.
struct AdminRoutes {
    let services: ServerServices
    let accounts: AccountService

    func register(on group: RouterGroup<ServerContext>) {
        group.get("users", use: listUsers)
        group.post("users", use: createUser)
        group.post("users/:username/disable", use: disableUser)
        group.post("users/:username/role", use: setRole)
        group.post("users/:username/password", use: resetPassword)
        group.get("tokens", use: listTokens)
        group.post("tokens", use: createToken)
        group.post("tokens/:token/revoke", use: revokeToken)
    }

    /// Runs an account change, answering refusals as problems, and logs it to the security log.
    private func change(
        _ operation: APIOperation, _ request: Request, _ context: ServerContext, allowed: Set<String>,
        _ body: (inout JSONInput) async throws -> APIResult
    ) async throws -> Response {
        let principal = try context.require(operation, services)
        let data = try await RouteSupport.body(request, context)
        return try await Idempotency.run(request, body: data, principal: principal, services: services) { _ in
            var input = try JSONInput.parse(data, allowed: allowed)
            do {
                let result = try await body(&input)
                services.securityLog.notice("account change", metadata: [
                    "by": "\(principal.username)", "operation": "\(operation.rawValue)",
                    "target": "\(context.parameters.get("username") ?? context.parameters.get("token") ?? "-")",
                ])
                return result
            } catch let refusal as AccountService.Refusal {
                if refusal.isMissing { throw Problem(.notFound, "Not found", "The \(refusal.field) \(refusal.rule).") }
                if refusal.isConflict { throw Problem(.conflict, "Already exists", "The \(refusal.field) \(refusal.rule).") }
                throw Problem(.unprocessableContent, "Refused", "'\(refusal.field)' \(refusal.rule).",
                              errors: [(refusal.field, refusal.rule)])
            }
        }
    }

    private static func role(_ input: inout JSONInput) -> AccountRole? {
        guard let text = input.string("role", maxLength: 32) else { return nil }
        guard let role = AccountRole(rawValue: text) else {
            input.reject("role", "must be one of " + AccountRole.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        return role
    }

    @Sendable func listUsers(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try context.require(.listUsers, services)
        let users = try await RouteSupport.store { () async throws(StoreError) in try await services.state.accounts() }
        return APIResult(json: ["users": users.map(AccountJSON.user)]).response()
    }

    @Sendable func createUser(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.createUser, request, context, allowed: ["username", "password", "role", "site"]) { input in
            let username = input.string("username", maxLength: 32), password = input.string("password", maxLength: 128)
            let role = Self.role(&input), site = input.string("site", required: false, nullable: true)
            try input.finish()
            guard let username, let password, let role else { throw Problem.badRequest(input.errors) }
            let account = try await accounts.createUser(username: username, password: password, role: role, site: site)
            return APIResult(json: AccountJSON.user(account), status: .created)
        }
    }

    @Sendable func disableUser(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.disableUser, request, context, allowed: []) { _ in
            let account = try await accounts.disable(username: try context.parameters.require("username"))
            services.tokens.forget(username: account.username)
            return APIResult(json: AccountJSON.user(account))
        }
    }

    @Sendable func setRole(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.setUserRole, request, context, allowed: ["role", "site"]) { input in
            let role = Self.role(&input), site = input.string("site", required: false, nullable: true)
            try input.finish()
            guard let role else { throw Problem.badRequest(input.errors) }
            let account = try await accounts.setRole(username: try context.parameters.require("username"), role: role, site: site)
            services.tokens.forget(username: account.username)
            return APIResult(json: AccountJSON.user(account))
        }
    }

    @Sendable func resetPassword(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.resetPassword, request, context, allowed: ["password"]) { input in
            let password = input.string("password", maxLength: 128)
            try input.finish()
            guard let password else { throw Problem.badRequest(input.errors) }
            return APIResult(json: AccountJSON.user(try await accounts.resetPassword(
                username: try context.parameters.require("username"), password: password)))
        }
    }

    @Sendable func listTokens(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try context.require(.listTokens, services)
        let tokens = try await RouteSupport.store { () async throws(StoreError) in try await services.state.tokens() }
        return APIResult(json: ["tokens": tokens.map(AccountJSON.token)]).response()
    }

    @Sendable func createToken(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.createToken, request, context, allowed: ["username", "label", "days"]) { input in
            let username = input.string("username", maxLength: 32), label = input.string("label", maxLength: 100)
            let days = input.integer("days", in: 1...365)
            try input.finish()
            guard let username, let label, let days else { throw Problem.badRequest(input.errors) }
            let (token, record) = try await accounts.issueToken(username: username, label: label, days: days)
            var body = AccountJSON.token(record)
            body["token"] = token
            return APIResult(json: body, status: .created)
        }
    }

    @Sendable func revokeToken(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.revokeToken, request, context, allowed: []) { _ in
            let token = try await accounts.revokeToken(id: try context.parameters.require("token"))
            services.tokens.forget(tokenID: token.id)
            return APIResult(json: AccountJSON.token(token))
        }
    }
}
