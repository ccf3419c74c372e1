// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import Hummingbird
import WedgeStore

/// Checks `Authorization: Bearer TOKEN` on every request it guards: the token's hash must be stored, not revoked,
/// not expired, and its account enabled. Anything else is 401, with the same answer whatever the reason.
struct TokenAuthenticator: RouterMiddleware {
    typealias Context = ServerContext
    let services: ServerServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let (principal, tokenID) = try await check(request) else { throw Problem.unauthenticated }
        return try await proceed(request, context, principal, tokenID: tokenID, next)
    }

    /// The principal of the request's bearer token, or `nil` when it has no valid one (for routes outside
    /// `/api/v1` that accept a token, such as `/metrics`).
    func principal(of request: Request) async throws -> Principal? { try await check(request)?.0 }

    /// The principal and token id of the request's bearer token, when it is known, unrevoked, unexpired and its
    /// account enabled; refusals are logged.
    private func check(_ request: Request) async throws -> (Principal, String)? {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
              case let token = String(header.dropFirst(7)), token.hasPrefix("wdg_"), token.count < 100
        else { return nil }
        let hash = TokenCodec.hash(token)
        let now = services.now(), timestamp = services.timestamp()
        if let cached = services.tokens.principal(hash: hash, now: now, timestamp: timestamp) { return cached }
        guard let (record, account) = try await services.state.token(hash: hash) else {
            services.securityLog.notice("unknown token refused", metadata: ["path": "\(request.uri.path)"])
            return nil
        }
        guard record.revokedAt == nil, record.expiresAt > timestamp, !account.isDisabled else {
            services.securityLog.notice("token refused", metadata: [
                "token": "\(record.id)", "user": "\(account.username)",
                "why": "\(record.revokedAt != nil ? "revoked" : account.isDisabled ? "account disabled" : "expired")",
            ])
            return nil
        }
        let principal = Principal(username: account.username, role: account.role, siteID: account.siteID)
        services.tokens.remember(hash: hash, principal: principal, tokenID: record.id, expiresAt: record.expiresAt, now: now)
        return (principal, record.id)
    }

    /// Logs the token's use and runs the request as `principal`.
    private func proceed(
        _ request: Request, _ context: Context, _ principal: Principal, tokenID: String,
        _ next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        services.securityLog.info("token used", metadata: [
            "token": "\(tokenID)", "user": "\(principal.username)", "method": "\(request.method)",
            "path": "\(request.uri.path)",
        ])
        var context = context
        context.principal = principal
        return try await next(request, context)
    }
}
