// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import Logging
import PostgresNIO
import WedgeStorePostgres

/// A fresh, empty database on the test server, for one test.
public struct PostgresTestDatabase: Sendable {
    /// Its URL.
    public let url: String
    /// Its name.
    public let name: String

    /// Creates `wedge_test_<random>` on the server at `Engine.postgresURL`.
    public static func create() async throws -> PostgresTestDatabase {
        let admin = try #require(Engine.postgresURL)
        let name = "wedge_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await execute("CREATE DATABASE \(name)", url: admin)
        guard let range = admin.range(of: "/postgres", options: .backwards) else {
            throw PostgresLocationError.missingPart("database name (the path)")
        }
        return PostgresTestDatabase(url: admin.replacingCharacters(in: range, with: "/" + name), name: name)
    }

    /// Whether some session holds the audit chain's advisory lock on the database at `url`.
    public static func lockHeld(url: String) async throws -> Bool {
        let location = try PostgresLocation(url: url)
        let logger = Logger(label: "wedge.test", factory: { _ in SwiftLogNoOpLogHandler() })
        let client = PostgresClient(configuration: location.configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { await client.run(); return false }
            defer { group.cancelAll() }
            let rows = try await client.query(
                """
                SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = 1162102597
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """,
                logger: logger)
            for try await count in rows.decode(Int64.self) { return count > 0 }
            return false
        }
    }

    /// Runs one statement on the database at `url`, outside any transaction; for tests that tamper on purpose.
    public static func execute(_ sql: String, url: String) async throws {
        let location = try PostgresLocation(url: url)
        let logger = Logger(label: "wedge.test", factory: { _ in SwiftLogNoOpLogHandler() })
        let client = PostgresClient(configuration: location.configuration, backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }
}
