// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Testing
@testable import WedgeServer
import WedgeStore
import WedgeTestSupport
import WedgeTestSupportPostgres

/// The hand-written routes and the OpenAPI document cannot drift apart: the served document is `docs/openapi.json`,
/// every route is documented, every documented operation is routed, and the operation ids are the policy's.
/// (schemathesis then checks every response against the document, in `.ci/run`.)
@Suite("Server: the OpenAPI document matches the routes")
struct OpenAPIDocumentTests {
    static func document() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
    }

    @Test("The served document is docs/openapi.json, byte for byte")
    func embedded() throws {
        let file = try String(contentsOfFile: TestPaths.path("docs/openapi.json"), encoding: .utf8)
        #expect(OpenAPIDocument.json == file, "run python3 scripts/embed-resources.py")
        #expect(try Self.document()["openapi"] as? String == "3.1.0")
    }

    @Test("Every route is documented, and every documented operation is routed")
    func routes() async throws {
        let fixture = try await ServerFixture.make(.sqlite)
        let router = try WedgeServerApplication.router(services: fixture.services)
        await fixture.engine.close()
        // `/participants/:id` and `/participants/{participant_id}` are the same path.
        func shape(_ path: String) -> String {
            "/" + path.split(separator: "/").map { $0.hasPrefix(":") || $0.hasPrefix("{") ? "{}" : String($0) }
                .joined(separator: "/")
        }
        // The API and the service's own endpoints; the HTML pages (docs/server.md) are not part of the JSON API.
        let service: Set<String> = ["/healthz", "/openapi.json", "/metrics"]
        let routed = Set(router.routes.map { "\($0.method.rawValue) \(shape($0.path.description))" }
            .filter { route in route.split(separator: " ").last.map { $0.hasPrefix("/api/") || service.contains(String($0)) } ?? false })
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        var operations: Set<String> = []
        for (path, methods) in paths {
            for (method, operation) in methods where ["get", "post", "put", "patch", "delete"].contains(method) {
                documented.insert("\(method.uppercased()) \(shape(path))")
                if let id = (operation as? [String: Any])?["operationId"] as? String { operations.insert(id) }
            }
        }
        #expect(routed == documented)
        #expect(routed.count >= 28)
        #expect(operations.subtracting(["health", "openapi", "metrics", "login"]) == Set(APIOperation.allCases.map(\.rawValue)))
    }
}
