// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
public import Hummingbird
import WedgeStore

/// Checks `Authorization: Bearer TOKEN` on every request it guards: the token's hash must be stored, not revoked,
/// not expired, and its account enabled. Anything else is 401, with the same answer whatever the reason.
struct TokenAuthenticator: RouterMiddleware {
    typealias Context = ServerContext
    let services: ServerServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
              case let token = String(header.dropFirst(7)), token.hasPrefix("wdg_"), token.count < 100
        else { throw Problem.unauthenticated }
        let hash = TokenCodec.hash(token)
        guard let (record, account) = try await services.state.token(hash: hash) else {
            services.securityLog.notice("unknown token refused", metadata: ["path": "\(request.uri.path)"])
            throw Problem.unauthenticated
        }
        let now = services.timestamp()
        guard record.revokedAt == nil, record.expiresAt > now, !account.isDisabled else {
            services.securityLog.notice("token refused", metadata: [
                "token": "\(record.id)", "user": "\(account.username)",
                "why": "\(record.revokedAt != nil ? "revoked" : account.isDisabled ? "account disabled" : "expired")",
            ])
            throw Problem.unauthenticated
        }
        services.securityLog.info("token used", metadata: [
            "token": "\(record.id)", "user": "\(account.username)", "method": "\(request.method)",
            "path": "\(request.uri.path)",
        ])
        var context = context
        context.principal = Principal(username: account.username, role: account.role, siteID: account.siteID)
        return try await next(request, context)
    }
}
