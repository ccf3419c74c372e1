// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Hummingbird
import WedgeServer
import WedgeCore
import WedgeStore

/// `wedge-server serve`: the multi-site capture service over one study database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a study over HTTP: the coordinators' pages, the JSON API under /api/v1, /healthz and /openapi.json.",
        discussion: """
            Run it behind a TLS reverse proxy (docs/server.md). Several instances may share one --postgres \
            database: sessions, throttling counters, idempotency keys and tokens live in it. SIGTERM or SIGINT stops \
            the server after the requests in flight finish.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on, HOST:PORT.")
    var listen: ListenAddress = .default

    @Flag(help: "Mark the pages' session cookie Secure: set it when browsers reach the server over TLS (a TLS proxy).")
    var secureCookies = false

    func run() async throws {
        let engine = try await store.address.openForServing()
        try await Self.serve(engine, listen: listen, banner: "Wedge server for \(engine.location)",
                             secureCookies: secureCookies)
    }

    /// Serves `engine` on `listen` until stopped, then closes it.
    static func serve(
        _ engine: any StudyEngine, listen: ListenAddress, banner: String, secureCookies: Bool = false,
        today: CivilDate? = nil
    ) async throws {
        do {
            let clock: (@Sendable () -> CivilDate)? = today.map { day in { @Sendable in day } }
            var services = try await ServerServices(store: engine, state: engine.serverState, today: clock)
            services.secureCookies = secureCookies
            let app = try WedgeServerApplication.make(services: services, host: listen.host, port: listen.port)
            // Written at once (not through print's buffer), so that a script reading a pipe sees it before any request.
            FileHandle.standardOutput.write(Data("""
                \(banner)
                Listening on \(listen.url) (pages: \(listen.url)/login, API: \(listen.url)/api/v1, document: \(listen.url)/openapi.json)

                """.utf8))
            try await app.runService()
        } catch {
            await engine.close()
            throw error
        }
        await engine.close()
    }
}
