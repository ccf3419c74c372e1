// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import WedgeServer

/// A browser's session on the pages, in-process: the session cookie from logging in and the form token read
/// from a page.
struct PageClient: Sendable {
    /// The `wedge_session` cookie's value; empty when not signed in.
    var cookie: String
    /// The session's form token.
    var csrf: String

    /// Signs `username` in with the fixture's password; a client with no session when it fails.
    static func signIn(_ client: any TestClientProtocol, _ username: String) async throws -> PageClient {
        let login = try await client.send(.post, "/login", [.contentType: "application/x-www-form-urlencoded"],
                                          "username=\(username)&password=correct+horse+battery&next=%2F")
        guard login.status == 303, let cookie = Self.sessionCookie(login.headers) else { return PageClient(cookie: "", csrf: "") }
        var page = PageClient(cookie: cookie, csrf: "")
        let home = try await page.get(client, "/")
        page.csrf = Self.csrf(in: home.body) ?? ""
        return page
    }

    /// The `wedge_session` value a response sets, if any.
    static func sessionCookie(_ headers: HTTPFields) -> String? {
        for value in headers[values: .setCookie] where value.hasPrefix("wedge_session=") {
            return String(value.dropFirst("wedge_session=".count).prefix { $0 != ";" })
        }
        return nil
    }

    /// The first form token in `html`.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    private var headers: HTTPFields {
        var fields: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !cookie.isEmpty { fields[.cookie] = "wedge_session=\(cookie)" }
        return fields
    }

    /// `GET path`.
    func get(_ client: any TestClientProtocol, _ path: String) async throws -> Answer {
        try await client.send(.get, path, headers)
    }

    /// `POST path` with `fields` form-encoded, and the session's form token unless `csrf` overrides it.
    func post(_ client: any TestClientProtocol, _ path: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> Answer {
        let all = [("csrf", csrf ?? self.csrf)] + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await client.send(.post, path, headers, body)
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
