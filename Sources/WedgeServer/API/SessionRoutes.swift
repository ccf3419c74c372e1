// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import Hummingbird
import HTTPTypes
import WedgeStore

/// `POST /api/v1/login` (a password for a 12-hour token, checked and throttled by ``LoginGate``) and
/// `GET /api/v1/me`.
struct SessionRoutes {
    let services: ServerServices
    let accounts: AccountService

    static let tokenHours = 12

    func register(public group: RouterGroup<ServerContext>, authenticated: RouterGroup<ServerContext>) {
        group.post("login", use: login)
        authenticated.get("me", use: me)
    }

    @Sendable func login(_ request: Request, context: ServerContext) async throws -> Response {
        var input = try JSONInput.parse(try await RouteSupport.body(request, context), allowed: ["username", "password"])
        let username = input.string("username"), password = input.string("password", maxLength: 128)
        try input.finish()
        guard let username, let password else { throw Problem.badRequest(input.errors) }
        let account = try await LoginGate(services: services)
            .authenticate(username: username, password: password, address: context.remoteAddress)
        let (token, record) = try await accounts.issueSessionToken(username: username, hours: Self.tokenHours)
        services.securityLog.notice("login", metadata: ["user": "\(username)", "token": "\(record.id)",
                                                        "address": "\(context.remoteAddress)"])
        return APIResult(json: ["token": token, "expires_at": record.expiresAt, "username": username,
                                "role": account.role.rawValue, "site": account.siteID ?? NSNull()] as [String: Any],
                         status: .created).response()
    }

    @Sendable func me(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.me, services)
        return APIResult(json: ["username": principal.username, "role": principal.role.rawValue,
                                "site": principal.siteID ?? NSNull()] as [String: Any]).response()
    }
}
