// SPDX-License-Identifier: Apache-2.0

import WedgeCore
import Foundation
import Logging
import Hummingbird
import HummingbirdAuth
import WedgeStore

/// `GET`/`POST /login` and `POST /logout`.
///
/// Login checks the password with the API's ``LoginGate`` (same throttling, same answer for every failure), then
/// starts a new session with a new id and a new form token; a session the browser had before is deleted, so a
/// session id planted before login is worthless after it. Logout deletes the session.
struct LoginPages {
    let services: ServerServices
    let renderer: PageRenderer
    let sessions: SessionStorage<WebSession>

    func register(public group: RouterGroup<ServerContext>, signedIn: RouterGroup<ServerContext>) {
        group.get("login", use: form)
        group.post("login", use: login)
        signedIn.post("logout", use: logout)
    }

    @Sendable func form(_ request: Request, context: ServerContext) async throws -> Response {
        if context.sessions.session != nil { return PageRenderer.redirect("/") }
        let signedOut = request.uri.queryParameters.get("signed_out") != nil
        return page(next: Self.safeNext(request.uri.queryParameters.get("next")),
                    notice: signedOut ? "You are signed out." : nil)
    }

    @Sendable func login(_ request: Request, context: ServerContext) async throws -> Response {
        let form = FormInput(try await RouteSupport.body(request, context))
        let next = Self.safeNext(form.raw("next"))
        guard let username = form.text("username"), let password = form.raw("password"), !password.isEmpty,
              password.count <= 128 else {
            return page(next: next, username: form.text("username"), error: "Enter your username and password.",
                        status: .badRequest)
        }
        let account: Account
        do {
            account = try await LoginGate(services: services)
                .authenticate(username: username, password: password, address: context.remoteAddress)
        } catch let problem as Problem {
            return page(next: next, username: username, error: problem.detail, status: problem.status)
        }
        _ = try? await sessions.delete(request: request)
        context.sessions.createSession(
            WebSession(username: account.username, csrf: String(TokenCodec.generate().dropFirst(4)),
                       touched: Int64(services.now().timeIntervalSince1970)),
            expiresIn: PageAuthenticator.idle)
        services.securityLog.notice("login", metadata: ["user": "\(account.username)", "via": "page",
                                                        "address": "\(context.remoteAddress)"])
        return PageRenderer.redirect(next)
    }

    @Sendable func logout(_ request: Request, context: ServerContext) async throws -> Response {
        if let principal = context.principal {
            services.securityLog.notice("logout", metadata: ["user": "\(principal.username)"])
        }
        context.sessions.clearSession()
        return PageRenderer.redirect("/login?signed_out=1")
    }

    private func page(next: String, username: String? = nil, error: String? = nil, notice: String? = nil,
                      status: HTTPResponse.Status = .ok) -> Response {
        var data: [String: Any] = ["next": next]
        if let username { data["username"] = username }
        if let error { data["error"] = error }
        if let notice { data["notice"] = notice }
        return renderer.page("login", title: "Sign in", principal: nil, csrf: nil, data: data, status: status)
    }

    /// Where to go after login: a path on this server (never another host), else the dashboard.
    static func safeNext(_ value: String?) -> String {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.contains("\\"),
              !value.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return "/" }
        return value
    }
}
