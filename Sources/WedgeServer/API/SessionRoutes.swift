// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
public import Hummingbird
public import HTTPTypes
import WedgeStore

/// `POST /api/v1/login` (a password for a 12-hour token) and `GET /api/v1/me`.
///
/// Login throttling is kept in the database (``WedgeStore/ServerState``), so every instance counts the same
/// failures: 5 failures of one account, or 20 from one address, within 15 minutes lock that account or address out
/// for 15 minutes (429 with `Retry-After`). The answer to a wrong password, an unknown account and a disabled one
/// is the same, and takes the same bcrypt time.
struct SessionRoutes {
    let services: ServerServices
    let accounts: AccountService

    static let window: Int64 = 15 * 60
    static let accountLimit: Int64 = 5
    static let addressLimit: Int64 = 20
    static let lockout: Int64 = 15 * 60
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
        let state = services.state
        let now = Int64(services.now().timeIntervalSince1970)
        let subjects = ["user:\(username)", "address:\(context.remoteAddress)"]
        for subject in subjects {
            let until = try await RouteSupport.store { () async throws(StoreError) in try await state.lockedUntil(subject) }
            if until > now { throw throttled(until - now, username: username, context: context) }
        }
        let account = try await RouteSupport.store { () async throws(StoreError) in try await state.account(username) }
        let usable = account.map { !$0.isDisabled } ?? false
        guard Passwords.verify(password, hash: usable ? account?.passwordHash : nil) else {
            services.securityLog.notice("login failed", metadata: ["user": "\(username)", "address": "\(context.remoteAddress)"])
            var locked: Int64 = 0
            for (subject, limit) in zip(subjects, [Self.accountLimit, Self.addressLimit]) {
                let until = try await RouteSupport.store { () async throws(StoreError) in
                    try await state.recordFailure(subject, now: now, window: Self.window, limit: limit, lockout: Self.lockout)
                }
                locked = max(locked, until)
            }
            if locked > now { throw throttled(locked - now, username: username, context: context) }
            throw Problem(.unauthorized, "Login failed", "The username or password is wrong, or the account is disabled.")
        }
        try await RouteSupport.store { () async throws(StoreError) in try await state.clearFailures(subjects[0]) }
        let (token, record) = try await accounts.issueSessionToken(username: username, hours: Self.tokenHours)
        services.securityLog.notice("login", metadata: ["user": "\(username)", "token": "\(record.id)",
                                                        "address": "\(context.remoteAddress)"])
        return APIResult(json: ["token": token, "expires_at": record.expiresAt, "username": username,
                                "role": account!.role.rawValue, "site": account!.siteID ?? NSNull()] as [String: Any],
                         status: .created).response()
    }

    private func throttled(_ seconds: Int64, username: String, context: ServerContext) -> Problem {
        services.securityLog.warning("login throttled", metadata: ["user": "\(username)", "address": "\(context.remoteAddress)"])
        var problem = Problem(.tooManyRequests, "Too many failed logins",
                              "Too many failed logins for this account or address; try again in \(seconds) seconds.")
        problem.headers[.retryAfter] = "\(seconds)"
        return problem
    }

    @Sendable func me(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.me, services)
        return APIResult(json: ["username": principal.username, "role": principal.role.rawValue,
                                "site": principal.siteID ?? NSNull()] as [String: Any]).response()
    }
}
