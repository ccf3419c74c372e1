// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Testing
@testable import WedgeServer
import WedgeStore
import WedgeTestSupportPostgres

/// The role table of `docs/server.md` over the pages: every caller signed in through the login page (each role,
/// two site coordinators at different sites, and a browser with no session) × every page route and form post,
/// with the status the table says. A refused page is 403 (role) or 404 (another site's data); a signed-out
/// browser is sent to the login page (303); a saved form redirects (303, post/redirect/get). Expected statuses are
/// written out here, not read from ``AccessPolicy``.
@Suite("Server: the page permission matrix")
struct PageMatrixTests {
    /// Callers with a session, in the order of the expected rows below; `none` has no session.
    static let roles = ["admin", "datamanager", "statistician", "monitor", "coord-a", "coord-b"]
    static let callers = roles + ["none"]

    /// One page request: method, path and form fields, built for a caller (with the participant's version where
    /// a form carries one), and the status each role gets.
    struct Case: Sendable {
        var page: String
        var expected: [Int]
        var request: @Sendable (_ caller: String, _ version: @Sendable (String) async throws -> Int64, _ revoked: String)
            async throws -> (HTTPRequest.Method, String, [(String, String)])
    }

    static let cases: [Case] = [
        Case(page: "GET /", expected: [200, 200, 200, 200, 200, 200]) { _, _, _ in (.get, "/", []) },
        Case(page: "GET /participants", expected: [403, 200, 200, 200, 200, 200]) { _, _, _ in (.get, "/participants", []) },
        Case(page: "GET /participants?site=unit-a", expected: [403, 200, 200, 200, 200, 404]) { _, _, _ in
            (.get, "/participants?site=unit-a", [])
        },
        Case(page: "GET /participants/:id", expected: [403, 200, 200, 200, 200, 404]) { _, _, _ in
            (.get, "/participants/P-A1", [])
        },
        Case(page: "GET /enroll", expected: [403, 200, 403, 403, 200, 200]) { _, _, _ in (.get, "/enroll", []) },
        Case(page: "POST /enroll", expected: [403, 303, 403, 403, 303, 404]) { caller, _, _ in
            (.post, "/enroll", [("participant_id", "W-\(caller)"), ("site_id", "unit-a"), ("admission_date", "2021-04-10"),
                                ("age", "50"), ("sex", "female"), ("insured", "yes"), ("opioid_days_30", "20")])
        },
        Case(page: "GET /participants/:id/outcomes", expected: [403, 200, 403, 403, 200, 404]) { _, _, _ in
            (.get, "/participants/P-A1/outcomes", [])
        },
        Case(page: "POST /participants/:id/outcomes", expected: [403, 303, 403, 403, 303, 404]) { _, version, _ in
            (.post, "/participants/P-A1/outcomes", [("induction_start_date", "2021-04-02"),
                                                     ("version", "\(try await version("P-A1"))")])
        },
        Case(page: "GET /participants/:id/correct", expected: [403, 200, 403, 403, 403, 403]) { _, _, _ in
            (.get, "/participants/P-A1/correct", [])
        },
        Case(page: "POST /participants/:id/correct", expected: [403, 303, 403, 403, 403, 403]) { caller, version, _ in
            (.post, "/participants/P-A1/correct", [("field", "age"), ("value", "\(40 + caller.count)"),
                                                    ("reason", "source document checked"),
                                                    ("version", "\(try await version("P-A1"))")])
        },
        Case(page: "POST /participants/:id/delete", expected: [403, 303, 403, 403, 403, 403]) { caller, version, _ in
            (.post, "/participants/D-\(caller)/delete", [("reason", "enrolled in error"),
                                                          ("version", "\(try await version("D-\(caller)"))")])
        },
        Case(page: "GET /screening", expected: [403, 200, 200, 200, 200, 200]) { _, _, _ in (.get, "/screening", []) },
        Case(page: "GET /screening?site=unit-a", expected: [403, 200, 200, 200, 200, 404]) { _, _, _ in
            (.get, "/screening?site=unit-a", [])
        },
        Case(page: "GET /screening/new", expected: [403, 200, 403, 403, 200, 200]) { _, _, _ in (.get, "/screening/new", []) },
        Case(page: "POST /screening/new", expected: [403, 303, 403, 403, 303, 404]) { caller, _, _ in
            (.post, "/screening/new", [("screening_id", "PS-\(caller)"), ("site_id", "unit-a"), ("screening_date", "2021-04-10"),
                                       ("eligible", "no"), ("ineligible_reason", "other")])
        },
        Case(page: "GET /enroll?screening=SCR-A1", expected: [403, 200, 403, 403, 200, 404]) { _, _, _ in
            (.get, "/enroll?screening=SCR-A1", [])
        },
        Case(page: "GET /queries", expected: [403, 200, 200, 403, 200, 200]) { _, _, _ in (.get, "/queries", []) },
        Case(page: "GET /queries?site=unit-a", expected: [403, 200, 200, 403, 200, 404]) { _, _, _ in
            (.get, "/queries?site=unit-a&kind=missing-outcome", [])
        },
        Case(page: "GET /reports", expected: [403, 200, 200, 200, 200, 200]) { _, _, _ in (.get, "/reports", []) },
        Case(page: "GET /reports/study.html", expected: [403, 403, 200, 200, 403, 403]) { _, _, _ in
            (.get, "/reports/study.html", [])
        },
        Case(page: "GET /reports/participants.csv", expected: [403, 200, 200, 403, 403, 403]) { _, _, _ in
            (.get, "/reports/participants.csv", [])
        },
        Case(page: "GET /reports/status.csv", expected: [403, 200, 200, 403, 200, 200]) { _, _, _ in
            (.get, "/reports/status.csv", [])
        },
        Case(page: "GET /reports/queries.csv", expected: [403, 200, 200, 403, 200, 200]) { _, _, _ in
            (.get, "/reports/queries.csv", [])
        },
        Case(page: "GET /admin", expected: [200, 403, 403, 403, 403, 403]) { _, _, _ in (.get, "/admin", []) },
        Case(page: "POST /admin/users", expected: [303, 403, 403, 403, 403, 403]) { caller, _, _ in
            (.post, "/admin/users", [("username", "page-\(caller)"), ("password", "a long enough password"), ("role", "monitor")])
        },
        Case(page: "POST /admin/users/:username/disable", expected: [303, 403, 403, 403, 403, 403]) { _, _, _ in
            (.post, "/admin/users/disabled/disable", [])
        },
        Case(page: "POST /admin/users/:username/role", expected: [303, 403, 403, 403, 403, 403]) { _, _, _ in
            (.post, "/admin/users/disabled/role", [("role", "site_coordinator"), ("site", "unit-c")])
        },
        Case(page: "POST /admin/users/:username/password", expected: [303, 403, 403, 403, 403, 403]) { _, _, _ in
            (.post, "/admin/users/disabled/password", [("password", "another long password")])
        },
        Case(page: "POST /admin/tokens", expected: [303, 403, 403, 403, 403, 403]) { _, _, _ in
            (.post, "/admin/tokens", [("username", "monitor"), ("label", "pharmacy feed"), ("days", "30")])
        },
        Case(page: "POST /admin/tokens/:token/revoke", expected: [303, 403, 403, 403, 403, 403]) { _, _, revoked in
            (.post, "/admin/tokens/\(revoked)/revoke", [])
        },
    ]

    @Test("Every signed-in role and a signed-out browser × every page get the status of the role table",
          arguments: Engine.available)
    func matrix(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        let revoked = TokenCodec.id(ofHash: TokenCodec.hash(fixture.tokens["revoked"]!))
        let store = fixture.engine
        let version: @Sendable (String) async throws -> Int64 = { id in try await store.participant(id)?.version ?? 0 }
        let mismatches = try await fixture.test(closing: false) { client in
            var sessions: [String: PageClient] = ["none": PageClient(cookie: "", csrf: "")]
            for role in Self.roles {
                let session = try await PageClient.signIn(client, role)
                #expect(!session.cookie.isEmpty && !session.csrf.isEmpty, "\(role) signs in")
                sessions[role] = session
            }
            var mismatches: [String] = []
            for test in Self.cases {
                for caller in Self.callers {
                    let expected = Self.roles.firstIndex(of: caller).map { test.expected[$0] } ?? 303
                    let (method, path, fields) = try await test.request(caller, version, revoked)
                    let session = sessions[caller]!
                    let answer = method == .get ? try await session.get(client, path)
                        : try await session.post(client, path, fields)
                    if answer.status != expected {
                        mismatches.append("\(test.page) as \(caller): \(answer.status), expected \(expected)")
                    }
                    if caller == "none", answer.headers[.location]?.hasPrefix("/login") != true {
                        mismatches.append("\(test.page) without a session does not lead to the login page")
                    }
                }
            }
            return mismatches
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(Self.cases.count * Self.callers.count >= 170)
        await store.close()
    }

    @Test("A form posted without the session's form token is refused (403) and writes nothing", arguments: Engine.available)
    func csrf(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        let store = fixture.engine
        let revoked = TokenCodec.id(ofHash: TokenCodec.hash(fixture.tokens["revoked"]!))
        let version: @Sendable (String) async throws -> Int64 = { id in try await store.participant(id)?.version ?? 0 }
        let before = try await store.auditTrail(participantID: nil).count
        let accountsBefore = try await store.serverState.accounts().map { "\($0.username) \($0.role) \($0.isDisabled)" }
        let refused = try await fixture.test(closing: false) { client in
            var refused: [String] = []
            let manager = try await PageClient.signIn(client, "datamanager")
            let admin = try await PageClient.signIn(client, "admin")
            for test in Self.cases {
                let (method, path, fields) = try await test.request("datamanager", version, revoked)
                guard method == .post else { continue }
                let session = path.hasPrefix("/admin") ? admin : manager
                for token in ["", "wrong-\(session.csrf)"] {
                    let answer = try await session.post(client, path, fields, csrf: token)
                    if answer.status != 403 || !answer.body.contains("This form has expired") {
                        refused.append("\(test.page) with form token '\(token.prefix(6))': \(answer.status)")
                    }
                }
            }
            return refused
        }
        #expect(refused.isEmpty, "\(refused.joined(separator: "\n"))")
        #expect(try await store.auditTrail(participantID: nil).count == before)
        #expect(try await store.serverState.accounts().map { "\($0.username) \($0.role) \($0.isDisabled)" } == accountsBefore)
        await store.close()
    }
}
