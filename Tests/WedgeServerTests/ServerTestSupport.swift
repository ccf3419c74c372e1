// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Logging
import NIOCore
import WedgeCore
@testable import WedgeServer
import WedgeStore
import WedgeStorePostgres
import WedgeTestSupport
import WedgeTestSupportPostgres

/// A study served in-process (HummingbirdTesting's router mode) on either engine, on a day inside the study
/// (2021-04-15, before any crossover is announced), with one account per role and some broken tokens.
struct ServerFixture {
    /// The day the server believes it is: period 1; the first crossover (2021-06-22) is announced 2021-05-25.
    static let today = CivilDate(iso: "2021-04-15")!
    static let seed = "wedge-server-tests"

    let engine: any StudyEngine
    let services: ServerServices
    /// Bearer tokens by caller name.
    let tokens: [String: String]

    /// The callers: every role (two site coordinators), and three tokens that must not work.
    static let callers = ["admin", "datamanager", "statistician", "monitor", "coord-a", "coord-b",
                          "none", "expired", "revoked", "disabled"]

    static func make(_ engine: Engine) async throws -> ServerFixture {
        let loaded = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml"))
        let schedule = Randomizer.randomize(loaded.protocol, seed: seed)
        let store: any StudyEngine
        switch engine {
        case .sqlite:
            let path = try TestPaths.temporaryDirectory().appendingPathComponent("study.sqlite").path
            store = try StudyStore.create(at: path, protocol: loaded, schedule: schedule, createdAt: "2021-03-01T09:00:00Z")
        case .postgres:
            let database = try await PostgresTestDatabase.create()
            store = try await PostgresStudyStore.create(url: database.url, protocol: loaded, schedule: schedule,
                                                        createdAt: "2021-03-01T09:00:00Z")
        }
        // The participants every test starts from: one at each coordinator's site, and one per caller to delete.
        for (id, site) in [("P-A1", "unit-a"), ("P-B1", "unit-b")] + callers.map({ ("D-\($0)", "unit-a") }) {
            _ = try await store.enroll(admitted(id, site: site), actor: "fixture", today: today)
        }
        // Screenings: one eligible and consented at each coordinator's site, and one per caller to delete.
        for (id, site) in [("SCR-A1", "unit-a"), ("SCR-B1", "unit-b")] + callers.map({ ("SD-\($0)", "unit-a") }) {
            _ = try await store.screen(ScreeningEntry(id: id, siteID: site, screeningDate: CivilDate(iso: "2021-04-01")!,
                                                      isEligible: true, consented: true),
                                       actor: "fixture", today: today)
        }
        let now = Date(timeIntervalSince1970: Double(today.dayNumber) * 86_400 + 36_000)
        let services = try await ServerServices(store: store, state: store.serverState, today: { today }, now: { now },
                                               securityLog: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let sites = Set(loaded.protocol.sites.map(\.id))
        let accounts = AccountService(state: store.serverState, sites: sites, now: { now })
        var tokens: [String: String] = ["none": ""]
        for (name, role, site) in [("admin", AccountRole.admin, nil), ("datamanager", .dataManager, nil),
                                   ("statistician", .statistician, nil), ("monitor", .monitor, nil),
                                   ("coord-a", .siteCoordinator, "unit-a"), ("coord-b", .siteCoordinator, "unit-b"),
                                   ("disabled", .dataManager, nil)] as [(String, AccountRole, String?)] {
            _ = try await accounts.createUser(username: name, password: "correct horse battery", role: role, site: site)
            tokens[name] = try await accounts.issueToken(username: name, label: "test", days: 30).token
        }
        _ = try await accounts.disable(username: "disabled")
        let past = AccountService(state: store.serverState, sites: sites, now: { now.addingTimeInterval(-10 * 86_400) })
        tokens["expired"] = try await past.issueToken(username: "datamanager", label: "old", days: 1).token
        let revoked = try await accounts.issueToken(username: "datamanager", label: "lost laptop", days: 30)
        _ = try await accounts.revokeToken(id: revoked.record.id)
        tokens["revoked"] = revoked.token
        return ServerFixture(engine: store, services: services, tokens: tokens)
    }

    /// A record with its admission and baseline only.
    static func admitted(_ id: String, site: String, admitted: String = "2021-04-01") -> ParticipantRecord {
        ParticipantRecord(id: id, siteID: site, admissionDate: CivilDate(iso: admitted)!,
                          baseline: ["age": "41", "sex": "male", "insured": "no", "opioid_days_30": "30"])
    }

    /// Runs `body` with a client of the server; then closes the study, unless `closing` is false (for a test that
    /// reads the study afterwards and closes it itself).
    func test<T: Sendable>(closing: Bool = true, _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = Application(router: try WedgeServerApplication.router(services: services))
        defer { if closing { Task { [engine] in await engine.close() } } }
        return try await app.test(.router, body)
    }

    /// Headers for `caller`, with more.
    func headers(_ caller: String, _ extra: HTTPFields = [:]) -> HTTPFields {
        var fields = extra
        if let token = tokens[caller], !token.isEmpty { fields[.authorization] = "Bearer \(token)" }
        fields[.contentType] = "application/json"
        return fields
    }
}

/// A response's parts.
struct Answer: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: String

    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
    }
}

extension TestClientProtocol {
    /// Sends a request and collects the answer.
    func send(_ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields, _ body: String? = nil) async throws -> Answer {
        try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            Answer(status: Int(response.status.code), headers: response.headers, body: String(buffer: response.body))
        }
    }
}
