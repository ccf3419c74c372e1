// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Testing
@testable import WedgeServer
import WedgeStore
import WedgeTestSupportPostgres

/// The role table of `docs/server.md` as a test: every caller (each role, two site coordinators at different sites,
/// no credentials, an expired, a revoked and a disabled account's token) × every API operation, with the status
/// the table says. The expected statuses are written out here, not read from ``AccessPolicy``.
@Suite("Server: the permission matrix")
struct PermissionMatrixTests {
    /// Callers with an account, in the order of the expected rows below.
    static let roles = ["admin", "datamanager", "statistician", "monitor", "coord-a", "coord-b"]

    /// One operation: how a caller asks, and the status each role gets (in ``roles`` order). `P-A1` is at unit-a,
    /// coord-a's site; coord-b is at unit-b.
    struct Case: Sendable {
        var operation: String
        var expected: [Int]
        var request: @Sendable (_ caller: String, _ revokedTokenID: String) -> (HTTPRequest.Method, String, String?, Bool)
    }

    static let cases: [Case] = [
        Case(operation: "me", expected: [200, 200, 200, 200, 200, 200]) { _, _ in (.get, "/api/v1/me", nil, false) },
        Case(operation: "listParticipants", expected: [403, 200, 200, 200, 200, 200]) { _, _ in
            (.get, "/api/v1/participants", nil, false)
        },
        Case(operation: "listParticipants?site=unit-a", expected: [403, 200, 200, 200, 200, 404]) { _, _ in
            (.get, "/api/v1/participants?site=unit-a", nil, false)
        },
        Case(operation: "getParticipant", expected: [403, 200, 200, 200, 200, 404]) { _, _ in
            (.get, "/api/v1/participants/P-A1", nil, false)
        },
        Case(operation: "enrollParticipant", expected: [403, 201, 403, 403, 201, 404]) { caller, _ in
            (.post, "/api/v1/participants", #"{"id": "E-\#(caller)", "site": "unit-a", "admission_date": "2021-04-10", "baseline": {"age": "50", "sex": "female", "insured": "yes", "opioid_days_30": "20"}}"#, false)
        },
        Case(operation: "recordOutcomes", expected: [403, 200, 403, 403, 200, 404]) { _, _ in
            (.post, "/api/v1/participants/P-A1/outcomes", #"{"induction_start_date": "2021-04-02"}"#, true)
        },
        Case(operation: "recordAdverseEvent", expected: [403, 201, 403, 403, 201, 404]) { _, _ in
            (.post, "/api/v1/participants/P-A1/adverse-events", #"{"date": "2021-04-03", "description": "nausea", "serious": false}"#, false)
        },
        Case(operation: "correctParticipant", expected: [403, 200, 403, 403, 403, 403]) { caller, _ in
            (.post, "/api/v1/participants/P-A1/corrections", #"{"field": "age", "value": "\#(40 + caller.count)", "reason": "source document checked"}"#, true)
        },
        Case(operation: "deleteParticipant", expected: [403, 200, 403, 403, 403, 403]) { caller, _ in
            (.post, "/api/v1/participants/D-\(caller)/deletion", #"{"reason": "enrolled in error"}"#, true)
        },
        Case(operation: "participantAudit", expected: [403, 200, 200, 200, 200, 404]) { _, _ in
            (.get, "/api/v1/participants/P-A1/audit", nil, false)
        },
        Case(operation: "listScreenings", expected: [403, 200, 200, 200, 200, 200]) { _, _ in
            (.get, "/api/v1/screenings", nil, false)
        },
        Case(operation: "listScreenings?site=unit-a", expected: [403, 200, 200, 200, 200, 404]) { _, _ in
            (.get, "/api/v1/screenings?site=unit-a", nil, false)
        },
        Case(operation: "screenPerson", expected: [403, 201, 403, 403, 201, 404]) { caller, _ in
            (.post, "/api/v1/screenings", #"{"id": "S-\#(caller)", "site": "unit-a", "screening_date": "2021-04-10", "eligible": false, "ineligible_reason": "other"}"#, false)
        },
        Case(operation: "correctScreening", expected: [403, 200, 403, 403, 403, 403]) { _, _ in
            (.post, "/api/v1/screenings/SCR-A1/corrections", #"{"field": "screening_date", "value": "2021-04-02", "reason": "paper log checked"}"#, false)
        },
        Case(operation: "deleteScreening", expected: [403, 200, 403, 403, 403, 403]) { caller, _ in
            (.post, "/api/v1/screenings/SD-\(caller)/deletion", #"{"reason": "entered twice"}"#, false)
        },
        Case(operation: "schedule", expected: [403, 200, 200, 200, 200, 200]) { _, _ in (.get, "/api/v1/schedule", nil, false) },
        Case(operation: "verifyAudit", expected: [403, 200, 200, 200, 403, 403]) { _, _ in
            (.get, "/api/v1/audit/verification", nil, false)
        },
        Case(operation: "status", expected: [403, 200, 200, 403, 200, 200]) { _, _ in (.get, "/api/v1/status", nil, false) },
        Case(operation: "queries", expected: [403, 200, 200, 403, 200, 200]) { _, _ in (.get, "/api/v1/queries", nil, false) },
        Case(operation: "exportParticipants", expected: [403, 200, 200, 403, 403, 403]) { _, _ in
            (.get, "/api/v1/exports/participants.csv", nil, false)
        },
        Case(operation: "analysis", expected: [403, 403, 200, 403, 403, 403]) { _, _ in (.get, "/api/v1/analysis", nil, false) },
        Case(operation: "report", expected: [403, 403, 200, 200, 403, 403]) { _, _ in
            (.get, "/api/v1/reports/study?format=md", nil, false)
        },
        Case(operation: "listUsers", expected: [200, 403, 403, 403, 403, 403]) { _, _ in (.get, "/api/v1/users", nil, false) },
        Case(operation: "createUser", expected: [201, 403, 403, 403, 403, 403]) { caller, _ in
            (.post, "/api/v1/users", #"{"username": "new-\#(caller)", "password": "a long enough password", "role": "monitor"}"#, false)
        },
        Case(operation: "disableUser", expected: [200, 403, 403, 403, 403, 403]) { _, _ in
            (.post, "/api/v1/users/disabled/disable", nil, false)
        },
        Case(operation: "setUserRole", expected: [200, 403, 403, 403, 403, 403]) { _, _ in
            (.post, "/api/v1/users/disabled/role", #"{"role": "site_coordinator", "site": "unit-c"}"#, false)
        },
        Case(operation: "resetPassword", expected: [200, 403, 403, 403, 403, 403]) { _, _ in
            (.post, "/api/v1/users/disabled/password", #"{"password": "another long password"}"#, false)
        },
        Case(operation: "listTokens", expected: [200, 403, 403, 403, 403, 403]) { _, _ in (.get, "/api/v1/tokens", nil, false) },
        Case(operation: "createToken", expected: [201, 403, 403, 403, 403, 403]) { _, _ in
            (.post, "/api/v1/tokens", #"{"username": "monitor", "label": "pharmacy feed", "days": 30}"#, false)
        },
        Case(operation: "revokeToken", expected: [200, 403, 403, 403, 403, 403]) { _, revoked in
            (.post, "/api/v1/tokens/\(revoked)/revoke", nil, false)
        },
    ]

    @Test("Every caller × every operation gets the status of the role table", arguments: Engine.available)
    func matrix(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        // The fixture's revoked token: revoking it again is allowed and changes nothing.
        let revoked = TokenCodec.id(ofHash: TokenCodec.hash(fixture.tokens["revoked"]!))
        // Every operation of the API that needs an account is covered.
        let covered = Set(Self.cases.map { $0.operation.split(separator: "?").first.map(String.init)! })
        #expect(covered == Set(APIOperation.allCases.map(\.rawValue)))
        let mismatches = try await fixture.test { client in
            var mismatches: [String] = []
            for test in Self.cases {
                for caller in ServerFixture.callers {
                    let expected = Self.roles.firstIndex(of: caller).map { test.expected[$0] } ?? 401
                    // The participant's current version, as the caller's last read would give it.
                    let parts = test.request(caller, revoked).1.split(separator: "?")[0].split(separator: "/")
                    var version: Int64 = 0
                    if parts.count >= 4, parts[2] == "participants" {
                        version = try await fixture.engine.participant(String(parts[3]))?.version ?? 0
                    }
                    let (method, uri, body, versioned) = test.request(caller, revoked)
                    let extra: HTTPFields = versioned ? [.ifMatch: ParticipantJSON.etag(version)] : [:]
                    let answer = try await client.send(method, uri, fixture.headers(caller, extra), body)
                    if answer.status != expected {
                        mismatches.append("\(test.operation) as \(caller): \(answer.status), expected \(expected): \(answer.body.prefix(200))")
                    }
                }
            }
            return mismatches
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(Self.cases.count * ServerFixture.callers.count >= 250)
    }
}
