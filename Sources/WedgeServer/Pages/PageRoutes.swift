// SPDX-License-Identifier: Apache-2.0

import WedgeCore
import Foundation
import Hummingbird
import HummingbirdAuth
import WedgeStore

/// The pages site coordinators, data managers, statisticians, monitors and admins use in a browser, beside the
/// JSON API: a session middleware (hummingbird-auth) whose sessions live in the study database
/// (``StorePersistDriver``), the login page, then every other page behind ``PageAuthenticator``. Static files
/// (the style sheet) are public.
struct PageRoutes {
    let services: ServerServices
    let accounts: AccountService

    /// The session cookie: HttpOnly (Hummingbird's default), SameSite=Strict, `Secure` when the server is told it
    /// is served over TLS, and 30 idle minutes.
    var cookie: SessionCookieParameters {
        SessionCookieParameters(name: "wedge_session", path: "/", secure: services.secureCookies, sameSite: .strict)
    }

    func register(on router: Router<ServerContext>) throws {
        let renderer = try PageRenderer(study: services.schedule.protocol.study.id.uppercased())
        router.get("static/:file") { _, context -> Response in
            let name = try context.parameters.require("file")
            guard let text = PageResources.statics[name] else {
                throw Problem(.notFound, "Not found", "There is no such file.")
            }
            return Response(status: .ok, headers: [.contentType: name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/plain"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        let storage = SessionStorage<WebSession>(
            StorePersistDriver(state: services.state, now: services.now),
            configuration: .init(sessionCookieParameters: cookie, keyPrefix: "session."))
        let pages = router.group().add(middleware: SessionMiddleware(sessionStorage: storage,
                                                                     defaultSessionExpiration: PageAuthenticator.idle))
        let signedIn = pages.group().add(middleware: PageAuthenticator(services: services, renderer: renderer))
        LoginPages(services: services, renderer: renderer, sessions: storage).register(public: pages, signedIn: signedIn)
        DashboardPage(services: services, renderer: renderer).register(on: signedIn)
        ParticipantPages(services: services, renderer: renderer).register(on: signedIn)
        EnrollPage(services: services, renderer: renderer).register(on: signedIn)
        ScreeningPages(services: services, renderer: renderer).register(on: signedIn)
        OutcomesPage(services: services, renderer: renderer).register(on: signedIn)
        CorrectionPages(services: services, renderer: renderer).register(on: signedIn)
        QueryPages(services: services, renderer: renderer).register(on: signedIn)
        ReportPages(services: services, renderer: renderer).register(on: signedIn)
        AdminPages(services: services, renderer: renderer, accounts: accounts).register(on: signedIn)
    }
}
