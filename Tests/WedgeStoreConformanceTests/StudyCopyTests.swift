// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import Logging
import PostgresNIO
import Testing
import WedgeCore
@testable import WedgeServerCLI
@testable import WedgeStore
@testable import WedgeStorePostgres
import WedgeTestSupport
import WedgeTestSupportPostgres

/// Moving a study between engines, and the two schemas side by side.
@Suite("Copy between engines and schema parity", .enabled(if: Engine.postgresURL != nil))
struct StudyCopyTests {
    @Test("SQLite → PostgreSQL → SQLite keeps every row, the chain's head, and the export byte for byte")
    func roundTrip() async throws {
        let (store, address) = try await ConformanceFixture.makeStore(.sqlite)
        _ = await ConformanceScript.run(store)  // every kind of row and audit entry, deleted participant included
        let directory = try TestPaths.temporaryDirectory()
        let target = try await PostgresTestDatabase.create()
        let back = directory.appendingPathComponent("back.sqlite").path
        _ = try await StudyCopy.copy(from: StudyAddress(address), to: StudyAddress(target.url))
        _ = try await StudyCopy.copy(from: StudyAddress(target.url), to: StudyAddress(back))
        let original = try (store as! StudyStore).dump()
        let returned = try StudyStore.open(at: back).dump()
        #expect(returned == original)
        let lock = ConformanceFixture.today
        let exportA = AnalysisExport.csv(try (store as! StudyStore).fetchSnapshot(dataLockDate: lock))
        let exportB = AnalysisExport.csv(try StudyStore.open(at: back).fetchSnapshot(dataLockDate: lock))
        #expect(Data(exportA.utf8) == Data(exportB.utf8))
        #expect(exportA.split(separator: "\n").count > 10)
        // A second copy into the same database is refused, and changes nothing.
        await #expect(throws: StoreError.studyExists(location: try PostgresLocation(url: target.url).description)) {
            _ = try await StudyCopy.copy(from: StudyAddress(address), to: StudyAddress(target.url))
        }
    }

    @Test("Both schemas describe the same tables, columns, nullability, keys, unique columns and triggers")
    func schemasDescribeTheSameTables() async throws {
        let (sqlite, _) = try await ConformanceFixture.makeStore(.sqlite)
        let database = try await PostgresTestDatabase.create()
        _ = try await PostgresStudyStore.migrate(url: database.url)
        let lite = try (sqlite as! StudyStore).read("describe") { db in try Self.describe(db) }
        let pg = try await Self.describe(url: database.url)
        #expect(lite == pg)
        #expect(lite.count > 30)
    }

    /// One line per fact: `table.column notnull|null`, `table pk(cols)`, `table.col -> other(col)`, `trigger name`.
    static func describe(_ db: Database) throws -> Set<String> {
        var facts: Set<String> = []
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
            """)
        for table in tables {
            var pk: [(Int, String)] = []
            for row in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))") {
                let name: String = row["name"], notNull: Bool = row["notnull"], key: Int = row["pk"]
                facts.insert("\(table).\(name) \(notNull || key > 0 ? "notnull" : "null")")
                if key > 0 { pk.append((key, name)) }
            }
            facts.insert("\(table) pk(\(pk.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: ",")))")
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table))") {
                facts.insert("\(table).\(row["from"] as String) -> \(row["table"] as String)(\(row["to"] as String))")
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA index_list(\(table))") where (row["unique"] as Bool) && (row["origin"] as String) == "u" {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?)", arguments: [row["name"] as String])
                facts.insert("\(table) unique(\(columns.joined(separator: ",")))")
            }
        }
        for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
            facts.insert("trigger \(name)")
        }
        return facts
    }

    static func describe(url: String) async throws -> Set<String> {
        let location = try PostgresLocation(url: url)
        let logger = Logger(label: "wedge.test", factory: { _ in SwiftLogNoOpLogHandler() })
        let client = PostgresClient(configuration: location.configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Set<String>.self) { group in
            group.addTask { await client.run(); return [] }
            defer { group.cancelAll() }
            var facts: Set<String> = []
            for try await (table, column, nullable) in try await client.query("""
                SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> 'wedge_migrations'
                """, logger: logger).decode((String, String, String).self) {
                facts.insert("\(table).\(column) \(nullable == "YES" ? "null" : "notnull")")
            }
            for try await (table, kind, columns, foreign) in try await client.query("""
                SELECT c.conrelid::regclass::text, c.contype::text,
                       (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
                       CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text || '(' ||
                            (SELECT string_agg(a.attname::text, ',') FROM unnest(c.confkey) k(n)
                             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) || ')' ELSE '' END
                FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace
                WHERE s.nspname = 'public' AND c.contype IN ('p', 'f', 'u') AND c.conrelid::regclass::text <> 'wedge_migrations'
                """, logger: logger).decode((String, String, String, String).self) {
                switch kind {
                case "p": facts.insert("\(table) pk(\(columns))")
                case "f": facts.insert("\(table).\(columns) -> \(foreign)")
                default: facts.insert("\(table) unique(\(columns))")
                }
            }
            for try await name in try await client.query("""
                SELECT DISTINCT tgname::text FROM pg_trigger WHERE NOT tgisinternal AND tgname NOT LIKE '%_no_truncate'
                """, logger: logger).decode(String.self) {
                facts.insert("trigger \(name)")
            }
            return facts
        }
    }
}
