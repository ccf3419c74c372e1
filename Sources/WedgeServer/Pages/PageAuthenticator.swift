// SPDX-License-Identifier: Apache-2.0

import WedgeCore
import Foundation
import Logging
import Hummingbird
import HummingbirdAuth
import WedgeStore

/// Guards every page but the login page: a browser session (``WebSession``) whose account is still enabled, and,
/// on every `POST`, the session's form token in the form's `csrf` field. Without a session the browser is sent to
/// the login page; a missing or stale form token is 403 and nothing runs.
///
/// The principal's role and site are read from the account on each request, so a role change or a disabled
/// account takes effect at once. A session expires after 30 idle minutes: each request at least a minute after
/// the last extends it.
///
/// Problems thrown by a page (403, 404, 409…) are rendered here as an HTML page inside the layout, with the same
/// status the API would answer.
struct PageAuthenticator: RouterMiddleware {
    typealias Context = ServerContext
    let services: ServerServices
    let renderer: PageRenderer

    /// The idle expiry.
    static let idle: Duration = .seconds(30 * 60)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let session = context.sessions.session else {
            return PageRenderer.redirect(request.method == .get ? "/login?next=\(Self.nextParameter(request))" : "/login")
        }
        let account = try await RouteSupport.store { () async throws(StoreError) in
            try await services.state.account(session.username)
        }
        guard let account, !account.isDisabled else {
            context.sessions.clearSession()
            return PageRenderer.redirect("/login")
        }
        let now = Int64(services.now().timeIntervalSince1970)
        if now - session.touched >= 60 {
            var touched = session
            touched.touched = now
            _ = context.sessions.updateSession(touched, expiresIn: Self.idle)
        }
        var context = context
        let principal = Principal(username: account.username, role: account.role, siteID: account.siteID)
        context.principal = principal
        do {
            var request = request
            if request.method == .post {
                let form = FormInput(Data(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView))
                guard session.accepts(form.raw("csrf")) else {
                    services.securityLog.notice("form token refused", metadata: [
                        "user": "\(principal.username)", "path": "\(request.uri.path)",
                    ])
                    throw Problem(.forbidden, "This form has expired",
                                  "The form's security token is missing or out of date, so nothing was saved. Go back, "
                                  + "reload the page, and submit it again.")
                }
            }
            return try await next(request, context)
        } catch let problem as Problem {
            services.securityLog.info("page refused", metadata: [
                "user": "\(principal.username)", "path": "\(request.uri.path)", "status": "\(problem.status.code)",
            ])
            return renderer.page("error", title: problem.title, principal: principal, csrf: session.csrf,
                                 data: ["title": problem.title, "detail": problem.detail,
                                        "status": problem.status.code], status: problem.status)
        }
    }

    /// The request's path and query, percent-encoded for the login page's `next` parameter.
    static func nextParameter(_ request: Request) -> String {
        let target = request.uri.string
        return target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
    }
}

extension ServerContext {
    /// The signed-in session's form token, which every page's forms carry.
    var csrf: String? { sessions.session?.csrf }
}
