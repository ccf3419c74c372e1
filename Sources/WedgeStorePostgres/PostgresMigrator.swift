// SPDX-License-Identifier: Apache-2.0

import Logging
import PostgresNIO
import WedgeStore

/// Applies ``PostgresSchema`` migrations and reports which a database has had.
///
/// Migrations run inside the caller's transaction (PostgreSQL's DDL is transactional) under the audit chain's
/// advisory lock, so two instances starting at once never apply a step twice, and a failed step leaves nothing.
enum PostgresMigrator {
    /// What a database has: the migrations applied, those still to apply, and whether it holds a study.
    struct Status: Sendable {
        var applied: [String]
        var pending: [String]
        var hasStudy: Bool
    }

    /// The database's status, read without writing anything.
    ///
    /// - Throws: ``WedgeStore/StoreError/newerDatabase(path:unknownMigrations:)`` when it has migrations this Wedge
    ///   does not know; another ``StoreError``.
    static func status(_ pool: PostgresConnectionPool) async throws(StoreError) -> Status {
        let status = try await pool.transaction("read the schema version", write: false) { connection in
            try await read(connection, logger: pool.logger)
        }
        try refuseNewer(status, location: pool.location)
        return status
    }

    /// Creates or upgrades the schema in `pool`'s database, in one transaction.
    ///
    /// - Returns: The migrations applied now (empty when the schema was up to date).
    static func migrate(_ pool: PostgresConnectionPool) async throws(StoreError) -> [String] {
        try await pool.transaction("migrate the schema", write: true) { connection in
            try await migrate(connection, location: pool.location, logger: pool.logger)
        }
    }

    /// Creates or upgrades the schema inside the caller's transaction (which holds the chain lock).
    @discardableResult
    static func migrate(_ connection: PostgresConnection, location: String, logger: Logger) async throws -> [String] {
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS \(unescaped: PostgresSchema.migrationsTable) (identifier TEXT PRIMARY KEY NOT NULL)
            """, logger: logger)
        let current = try await read(connection, logger: logger)
        try refuseNewer(current, location: location)
        var applied: [String] = []
        for migration in PostgresSchema.migrations where current.pending.contains(migration.identifier) {
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query("""
                INSERT INTO \(unescaped: PostgresSchema.migrationsTable) (identifier) VALUES (\(migration.identifier))
                """, logger: logger)
            applied.append(migration.identifier)
        }
        return applied
    }

    private static func read(_ connection: PostgresConnection, logger: Logger) async throws -> Status {
        var tables: Set<String> = []
        for try await name in try await connection.query("""
            SELECT table_name::text FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_name IN ('study', \(PostgresSchema.migrationsTable))
            """, logger: logger).decode(String.self) {
            tables.insert(name)
        }
        var applied: [String] = []
        if tables.contains(PostgresSchema.migrationsTable) {
            for try await identifier in try await connection.query(
                "SELECT identifier FROM \(unescaped: PostgresSchema.migrationsTable)", logger: logger).decode(String.self) {
                applied.append(identifier)
            }
        }
        var hasStudy = false
        if tables.contains("study") {
            for try await count in try await connection.query("SELECT COUNT(*) FROM study", logger: logger)
                .decode(Int64.self) {
                hasStudy = count > 0
            }
        }
        let known = PostgresSchema.migrations.map(\.identifier)
        return Status(applied: applied.sorted(), pending: known.filter { !applied.contains($0) }, hasStudy: hasStudy)
    }

    private static func refuseNewer(_ status: Status, location: String) throws(StoreError) {
        let known = Set(PostgresSchema.migrations.map(\.identifier))
        let unknown = status.applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw .newerDatabase(path: location, unknownMigrations: unknown) }
    }
}
