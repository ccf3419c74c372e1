// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
public import Hummingbird
import HTTPTypes
import WedgeStore
import WedgeCore

/// Builds the server: its router, middleware and routes, over ``ServerServices``.
///
/// ```swift
/// let services = try await ServerServices(store: store, state: store.serverState)
/// let app = WedgeServerApplication.make(services: services, host: "127.0.0.1", port: 8080)
/// try await app.runService()
/// ```
public enum WedgeServerApplication {
    /// The router with every route: `/healthz` and `/openapi.json` open, `/api/v1/login` open, everything else
    /// under `/api/v1` behind a bearer token.
    public static func router(services: ServerServices) throws -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: SecurityHeaders(metrics: services.metrics))
        router.get("healthz") { _, _ -> Response in
            do {
                _ = try await services.store.participantCount()
                return APIResult(json: ["status": "ok", "database": "reachable"]).response()
            } catch {
                throw Problem(.serviceUnavailable, "Database unavailable", "The study database cannot be reached.")
            }
        }
        router.get("openapi.json") { _, _ -> Response in
            APIResult(text: OpenAPIDocument.json, contentType: "application/json").response()
        }
        // Prometheus metrics: from loopback (a scraper on the same host, or through the proxy's own port), or for
        // an admin's token from anywhere.
        router.get("metrics") { request, context -> Response in
            if !["127.0.0.1", "::1"].contains(context.remoteAddress) {
                guard try await TokenAuthenticator(services: services).principal(of: request)?.role == .admin else {
                    throw Problem(.forbidden, "Not allowed", "Metrics are served to loopback, or to an admin's token.")
                }
            }
            let (groups, writes) = await services.committer.counts()
            return APIResult(text: services.metrics.text(groups: groups, writes: writes),
                             contentType: "text/plain; version=0.0.4").response()
        }
        let accounts = AccountService(state: services.state, sites: Set(services.schedule.protocol.sites.map(\.id)),
                                      now: services.now)
        let api = router.group("api/v1")
        let authenticated = api.group().add(middleware: TokenAuthenticator(services: services))
        SessionRoutes(services: services, accounts: accounts).register(public: api, authenticated: authenticated)
        ParticipantRoutes(services: services).register(on: authenticated)
        StudyRoutes(services: services).register(on: authenticated)
        ScreeningRoutes(services: services).register(on: authenticated)
        AdminRoutes(services: services, accounts: accounts).register(on: authenticated)
        try PageRoutes(services: services, accounts: accounts).register(on: router)
        return router
    }

    /// The application listening on `host`:`port`; `runService()` runs it until SIGTERM or SIGINT, letting requests in
    /// flight finish.
    public static func make(services: ServerServices, host: String, port: Int) throws -> some ApplicationProtocol {
        Application(router: try router(services: services),
                    configuration: .init(address: .hostname(host, port: port), serverName: "wedge-server"),
                    logger: Logger(label: "wedge.server"))
    }
}
