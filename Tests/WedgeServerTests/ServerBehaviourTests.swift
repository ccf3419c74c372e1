// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WedgeCore
@testable import WedgeServer
import WedgeStore
import WedgeTestSupportPostgres

/// What the API promises beyond who may call it: versions and conflicts, idempotent retries, a concealed schedule,
/// problem bodies that name the field and not the value, the security headers, and login throttling.
@Suite("Server: versions, retries, concealment, problems")
struct ServerBehaviourTests {
    @Test("A stale If-Match gets 409 with the current and the submitted values, and writes nothing", arguments: Engine.available)
    func staleWrite(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        try await fixture.test { client in
            let read = try await client.send(.get, "/api/v1/participants/P-A1", fixture.headers("coord-a"))
            let etag = try #require(read.headers[.eTag])
            // Booleans and numbers are written as JSON booleans and numbers.
            #expect(read.body.contains(#""deleted":false"#) && read.body.contains(#""period":1"#))
            #expect(read.json["version"] as? Int == Int(etag.dropFirst().dropLast()))
            // The first writer saves with the version it read.
            let first = try await client.send(.post, "/api/v1/participants/P-A1/outcomes",
                                              fixture.headers("coord-a", [.ifMatch: etag]),
                                              #"{"induction_start_date": "2021-04-02"}"#)
            #expect(first.status == 200)
            #expect(first.headers[.eTag] != etag)
            // The second, with the same (now stale) version, is refused and shown both values.
            let second = try await client.send(.post, "/api/v1/participants/P-A1/outcomes",
                                               fixture.headers("datamanager", [.ifMatch: etag]),
                                               #"{"procedure_received": "standard"}"#)
            #expect(second.status == 409)
            let current = try #require(second.json["current"] as? [String: Any])
            let outcomes = try #require(current["outcomes"] as? [String: Any])
            #expect(outcomes["induction_start_date"] as? String == "2021-04-02")
            #expect(outcomes["procedure_received"] is NSNull)
            #expect((second.json["submitted"] as? [String: Any])?["procedure_received"] as? String == "standard")
            // Nothing of the refused write was stored.
            let after = try await client.send(.get, "/api/v1/participants/P-A1", fixture.headers("datamanager"))
            #expect(((after.json["outcomes"] as? [String: Any])?["procedure_received"]) is NSNull)
            #expect(after.headers[.eTag] == first.headers[.eTag])
            // A write without If-Match is 428.
            let missing = try await client.send(.post, "/api/v1/participants/P-A1/outcomes", fixture.headers("datamanager"),
                                                #"{"procedure_received": "standard"}"#)
            #expect(missing.status == 428)
        }
    }

    @Test("A repeated Idempotency-Key returns the first answer and writes once; another body with it is 422",
          arguments: Engine.available)
    func idempotentRetry(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        let body = #"{"id": "P-A2", "site": "unit-a", "admission_date": "2021-04-12", "baseline": {"age": "33", "sex": "female", "insured": "no", "opioid_days_30": "10"}}"#
        try await fixture.test { client in
            let headers = fixture.headers("coord-a", [.idempotencyKey: "enroll-P-A2-1"])
            let first = try await client.send(.post, "/api/v1/participants", headers, body)
            #expect(first.status == 201)
            let auditAfterFirst = try await fixture.engine.auditTrail(participantID: nil).count
            let again = try await client.send(.post, "/api/v1/participants", headers, body)
            #expect(again.status == 201)
            #expect(again.body == first.body)
            #expect(again.headers[.idempotentReplayed] == "true")
            #expect(try await fixture.engine.auditTrail(participantID: nil).count == auditAfterFirst)
            // Without the key, the same request is a duplicate id.
            let duplicate = try await client.send(.post, "/api/v1/participants", fixture.headers("coord-a"), body)
            #expect(duplicate.status == 409)
            let other = try await client.send(.post, "/api/v1/participants", headers,
                                              body.replacingOccurrences(of: "P-A2", with: "P-A3"))
            #expect(other.status == 422)
            #expect(try await fixture.engine.participant("P-A3") == nil)
            // An outcome write's answer, stored by its group commit, is replayed with its ETag; so is a refusal's.
            let record = fixture.headers("coord-a", [.idempotencyKey: "record-P-A2-1", .ifMatch: try #require(first.headers[.eTag])])
            let recorded = try await client.send(.post, "/api/v1/participants/P-A2/outcomes", record,
                                                 #"{"induction_start_date": "2021-04-13"}"#)
            #expect(recorded.status == 200)
            let replayed = try await client.send(.post, "/api/v1/participants/P-A2/outcomes", record,
                                                 #"{"induction_start_date": "2021-04-13"}"#)
            #expect(replayed.status == 200 && replayed.body == recorded.body)
            #expect(replayed.headers[.eTag] == recorded.headers[.eTag] && replayed.headers[.idempotentReplayed] == "true")
            let stale = fixture.headers("coord-a", [.idempotencyKey: "record-P-A2-2", .ifMatch: try #require(first.headers[.eTag])])
            let refused = try await client.send(.post, "/api/v1/participants/P-A2/outcomes", stale, #"{"procedure_received": "rapid"}"#)
            #expect(refused.status == 409)
            let refusedAgain = try await client.send(.post, "/api/v1/participants/P-A2/outcomes", stale,
                                                     #"{"procedure_received": "rapid"}"#)
            #expect(refusedAgain.status == 409 && refusedAgain.body == refused.body)
            #expect(refusedAgain.headers[.idempotentReplayed] == "true")
        }
    }

    @Test("Only the statistician sees a crossover before its notice date", arguments: Engine.available)
    func concealedSchedule(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        let schedule = fixture.services.schedule
        let hidden = schedule.assignments.flatMap { schedule.crossovers(of: $0.siteID) }
            .filter { $0.noticeDate > ServerFixture.today }
        #expect(!hidden.isEmpty)
        try await fixture.test { client in
            for caller in ["datamanager", "monitor", "coord-a", "coord-b"] {
                let answer = try await client.send(.get, "/api/v1/schedule", fixture.headers(caller))
                #expect(answer.json["scope"] as? String == "disclosed")
                let events = try #require(answer.json["events"] as? [[String: Any]])
                for event in events {
                    #expect((event["notice_date"] as? String).flatMap { CivilDate(iso: $0) }! <= ServerFixture.today)
                }
                if caller.hasPrefix("coord") {
                    #expect(events.allSatisfy { $0["site"] as? String == (caller == "coord-a" ? "unit-a" : "unit-b") })
                }
                for crossover in hidden { #expect(!answer.body.contains(crossover.date.iso), "\(caller)") }
            }
            let full = try await client.send(.get, "/api/v1/schedule", fixture.headers("statistician"))
            #expect(full.json["scope"] as? String == "full")
            for crossover in hidden { #expect(full.body.contains(crossover.date.iso)) }
        }
    }

    @Test("Bad input gets a problem naming the field and rule, never the value, with the security headers",
          arguments: Engine.available)
    func problems(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        try await fixture.test { client in
            let answer = try await client.send(.post, "/api/v1/participants", fixture.headers("datamanager"),
                                               #"{"id": "P-9", "site": "unit-a", "admission_date": "31/12/2021-SECRET", "colour": "x"}"#)
            #expect(answer.status == 400)
            #expect(answer.headers[.contentType] == "application/problem+json")
            let errors = try #require(answer.json["errors"] as? [[String: String]])
            #expect(Set(errors.map { $0["field"]! }) == ["admission_date", "colour"])
            #expect(!answer.body.contains("SECRET"))
            // A rule of the study (an admission in the future) is 422, naming the field.
            let future = try await client.send(.post, "/api/v1/participants", fixture.headers("datamanager"),
                                               #"{"id": "P-9", "site": "unit-a", "admission_date": "2021-05-01", "baseline": {"age": "30", "sex": "male"}}"#)
            #expect(future.status == 422)
            #expect((future.json["errors"] as? [[String: String]])?.contains { $0["field"] == "admission_date" } == true, "\(future.body)")
            #expect(try await fixture.engine.participant("P-9") == nil)
            for name in ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Cache-Control"] {
                #expect(future.headers[HTTPField.Name(name)!] != nil, "\(name)")
            }
            #expect(future.headers[.cacheControl] == "no-store")
        }
    }

    @Test("Login gives a token; five wrong passwords lock the account out with 429", arguments: Engine.available)
    func loginThrottling(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        try await fixture.test { client in
            let good = #"{"username": "monitor", "password": "correct horse battery"}"#
            let login = try await client.send(.post, "/api/v1/login", fixture.headers("none"), good)
            #expect(login.status == 201)
            let token = try #require(login.json["token"] as? String)
            let me = try await client.send(.get, "/api/v1/me", [.authorization: "Bearer \(token)"])
            #expect(me.json["role"] as? String == "monitor")
            let bad = #"{"username": "monitor", "password": "wrong horse battery"}"#
            var statuses: [Int] = []
            for _ in 0..<6 { statuses.append(try await client.send(.post, "/api/v1/login", fixture.headers("none"), bad).status) }
            #expect(statuses == [401, 401, 401, 401, 429, 429])
            let locked = try await client.send(.post, "/api/v1/login", fixture.headers("none"), good)
            #expect(locked.status == 429)
            #expect(locked.headers[.retryAfter] != nil)
            // An unknown account gets the same answer as a wrong password.
            let unknown = try await client.send(.post, "/api/v1/login", fixture.headers("none"),
                                                #"{"username": "nobody", "password": "whatever it is"}"#)
            #expect(unknown.status == 401)
        }
    }

    @Test("Each write's audit entry names the authenticated user and role", arguments: Engine.available)
    func auditActor(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        try await fixture.test { client in
            let read = try await client.send(.get, "/api/v1/participants/P-B1", fixture.headers("coord-b"))
            _ = try await client.send(.post, "/api/v1/participants/P-B1/corrections",
                                      fixture.headers("datamanager", [.ifMatch: read.headers[.eTag]!]),
                                      #"{"field": "age", "value": "42", "reason": "transcription error"}"#)
            let audit = try await client.send(.get, "/api/v1/participants/P-B1/audit", fixture.headers("coord-b"))
            let entries = try #require(audit.json["entries"] as? [[String: Any]])
            let correction = try #require(entries.last)
            #expect(correction["actor"] as? String == "datamanager (data_manager)")
            #expect(correction["old_value"] as? String == "41")
            #expect(correction["new_value"] as? String == "42")
            #expect(correction["reason"] as? String == "transcription error")
        }
    }

    @Test("A token revoked, or an account disabled, stops working at once (the token cache forgets it)",
          arguments: Engine.available)
    func revocationIsImmediate(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        try await fixture.test { client in
            func status(_ method: HTTPRequest.Method, _ uri: String, _ caller: String) async throws -> Int {
                try await client.send(method, uri, fixture.headers(caller)).status
            }
            let before = try await status(.get, "/api/v1/me", "coord-a")
            let id = TokenCodec.id(ofHash: TokenCodec.hash(fixture.tokens["coord-a"]!))
            let revoke = try await status(.post, "/api/v1/tokens/\(id)/revoke", "admin")
            let after = try await status(.get, "/api/v1/me", "coord-a")
            #expect([before, revoke, after] as [Int] == [200, 200, 401])
            let monitorBefore = try await status(.get, "/api/v1/me", "monitor")
            let disable = try await status(.post, "/api/v1/users/monitor/disable", "admin")
            let monitorAfter = try await status(.get, "/api/v1/me", "monitor")
            #expect([monitorBefore, disable, monitorAfter] as [Int] == [200, 200, 401])
        }
    }

    @Test("/metrics counts requests and committed writes, for loopback or an admin only", arguments: [Engine.sqlite])
    func metrics(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        try await fixture.test { client in
            _ = try await client.send(.post, "/api/v1/participants/P-A1/adverse-events", fixture.headers("coord-a"),
                                      #"{"date": "2021-04-03", "description": "nausea", "serious": false}"#)
            // The test client has no loopback address: a token is needed, and only an admin's will do.
            let anonymous = try await client.send(.get, "/metrics", fixture.headers("none"))
            let coordinator = try await client.send(.get, "/metrics", fixture.headers("coord-a"))
            let admin = try await client.send(.get, "/metrics", fixture.headers("admin"))
            #expect([anonymous.status, coordinator.status, admin.status] as [Int] == [403, 403, 200])
            #expect(admin.body.contains(#"wedge_http_requests_total{method="POST",status="2xx"} 1"#))
            #expect(admin.body.contains("wedge_writes_committed_total 1\n"))
            #expect(admin.body.contains(#"wedge_http_request_duration_seconds_count"#))
        }
    }

    @Test("A store failure outside a route's own handling is its problem: 503 while the database is unreachable, not 500")
    func storeFailureEscaping() async throws {
        // Authentication's token lookup and the idempotency keys read the database before any route runs; when it
        // is unreachable, that failure reaches the outermost middleware.
        let router = Router()
        router.middlewares.add(SecurityHeaders<BasicRequestContext>(metrics: ServerMetrics()))
        router.get("lost") { _, _ -> String in
            throw StoreError.connectionLost(location: "db", operation: "look up a token", outcomeUnknown: false)
        }
        router.get("other") { _, _ -> String in throw CancellationError() }
        try await Application(router: router).test(.router) { client in
            let lost = try await client.send(.get, "/lost", [:])
            #expect(lost.status == 503)
            #expect(lost.json["title"] as? String == "Database unavailable")
            #expect(lost.headers[.contentSecurityPolicy] != nil)
            let other = try await client.send(.get, "/other", [:])
            #expect(other.status == 500)
        }
    }
}
