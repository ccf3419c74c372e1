// SPDX-License-Identifier: Apache-2.0

import HummingbirdAuth
import WedgeCore
import Foundation
import Logging
import Hummingbird
import WedgeStore

/// `/admin`: accounts and API tokens, for the admin role (`listUsers`, `createUser`, `disableUser`,
/// `setUserRole`, `resetPassword`, `listTokens`, `createToken`, `revokeToken`), through the same
/// ``AccountService`` as the API and the `wedge-server users|tokens` commands. A new token is shown once.
struct AdminPages {
    let services: ServerServices
    let renderer: PageRenderer
    let accounts: AccountService

    func register(on group: RouterGroup<ServerContext>) {
        group.get("admin", use: show)
        group.post("admin/users", use: createUser)
        group.post("admin/users/:username/disable", use: disableUser)
        group.post("admin/users/:username/role", use: setRole)
        group.post("admin/users/:username/password", use: resetPassword)
        group.post("admin/tokens", use: createToken)
        group.post("admin/tokens/:token/revoke", use: revokeToken)
    }

    static let notices = [
        "user": "Account created.", "disabled": "Account disabled; its tokens stop working at once.",
        "role": "Role changed.", "password": "Password reset. Tell the user through a separate channel.",
        "token": "Token created. Copy it now: it is shown only once.", "revoked": "Token revoked.",
    ]

    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.listUsers, services)
        _ = try context.require(.listTokens, services)
        var data: [String: Any] = [:]
        if let done = request.uri.queryParameters.get("done"), let notice = Self.notices[String(done)] { data["notice"] = notice }
        if var session = context.sessions.session, let secret = session.secret {
            data["secret"] = secret
            session.secret = nil
            _ = context.sessions.updateSession(session)
        }
        return try await render(principal, context, data: data)
    }

    private func render(_ principal: Principal, _ context: ServerContext, data: [String: Any],
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let users = try await RouteSupport.store { () async throws(StoreError) in try await services.state.accounts() }
        let tokens = try await RouteSupport.store { () async throws(StoreError) in try await services.state.tokens() }
        let timestamp = services.timestamp()
        var data = data
        data["users"] = users.map { user -> [String: Any] in
            ["username": user.username, "role": PageRenderer.label(user.role), "site": user.siteID ?? "",
             "disabled": user.isDisabled, "created": user.createdAt]
        }
        data["tokens"] = tokens.map { token -> [String: Any] in
            ["id": token.id, "username": token.username, "label": token.label, "created": token.createdAt,
             "expires": token.expiresAt, "revoked": token.revokedAt ?? "",
             "active": token.revokedAt == nil && token.expiresAt > timestamp]
        }
        data["roles"] = AccountRole.allCases.map { ["value": $0.rawValue, "label": PageRenderer.label($0)] }
        data["sites"] = services.schedule.protocol.sites.map { ["id": $0.id, "name": $0.name] }
        data["usernames"] = users.filter { !$0.isDisabled }.map(\.username)
        return renderer.page("admin", title: "Users and tokens", principal: principal, csrf: context.csrf,
                             current: "/admin", data: data, status: status)
    }

    /// Runs an account change from a form: redirects to `/admin?done=notice` when it is made, else shows the page
    /// again with the refusal.
    private func change(
        _ operation: APIOperation, _ request: Request, _ context: ServerContext, done: String,
        _ body: (FormInput) async throws -> Void
    ) async throws -> Response {
        let principal = try context.require(operation, services)
        let form = FormInput(try await RouteSupport.body(request, context))
        do {
            try await body(form)
        } catch let refusal as AccountService.Refusal {
            return try await render(principal, context, data: ["error": "\(FieldLabels.label(refusal.field)) \(refusal.rule)."],
                                    status: refusal.isMissing ? .notFound : refusal.isConflict ? .conflict : .unprocessableContent)
        }
        services.securityLog.notice("account change", metadata: [
            "by": "\(principal.username)", "operation": "\(operation.rawValue)", "via": "page",
            "target": "\(context.parameters.get("username") ?? context.parameters.get("token") ?? form.text("username") ?? "-")",
        ])
        return PageRenderer.redirect("/admin?done=\(done)")
    }

    private static func role(_ form: FormInput) throws -> AccountRole {
        guard let role = form.text("role").flatMap(AccountRole.init(rawValue:)) else {
            throw AccountService.Refusal(field: "role", rule: "must be chosen")
        }
        return role
    }

    @Sendable func createUser(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.createUser, request, context, done: "user") { form in
            let role = try Self.role(form)
            _ = try await accounts.createUser(username: form.text("username") ?? "", password: form.raw("password") ?? "",
                                              role: role, site: role == .siteCoordinator ? form.text("site") : nil)
        }
    }

    @Sendable func disableUser(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.disableUser, request, context, done: "disabled") { _ in
            let account = try await accounts.disable(username: try context.parameters.require("username"))
            services.tokens.forget(username: account.username)
        }
    }

    @Sendable func setRole(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.setUserRole, request, context, done: "role") { form in
            let role = try Self.role(form)
            let account = try await accounts.setRole(username: try context.parameters.require("username"), role: role,
                                                     site: role == .siteCoordinator ? form.text("site") : nil)
            services.tokens.forget(username: account.username)
        }
    }

    @Sendable func resetPassword(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.resetPassword, request, context, done: "password") { form in
            _ = try await accounts.resetPassword(username: try context.parameters.require("username"),
                                                 password: form.raw("password") ?? "")
        }
    }

    @Sendable func createToken(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.createToken, request, context, done: "token") { form in
            guard let days = form.text("days").flatMap(Int.init), (1...365).contains(days) else {
                throw AccountService.Refusal(field: "days", rule: "must be a whole number from 1 to 365")
            }
            guard let label = form.text("label"), label.count <= 100 else {
                throw AccountService.Refusal(field: "label", rule: "is required (up to 100 characters)")
            }
            let (token, _) = try await accounts.issueToken(username: form.text("username") ?? "", label: label, days: days)
            if var session = context.sessions.session {
                session.secret = token
                _ = context.sessions.updateSession(session)
            }
        }
    }

    @Sendable func revokeToken(_ request: Request, context: ServerContext) async throws -> Response {
        try await change(.revokeToken, request, context, done: "revoked") { _ in
            let token = try await accounts.revokeToken(id: try context.parameters.require("token"))
            services.tokens.forget(tokenID: token.id)
        }
    }
}
