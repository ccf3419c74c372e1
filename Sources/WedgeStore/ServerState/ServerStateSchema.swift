// SPDX-License-Identifier: Apache-2.0

/// The `v2-server` migration: the state that several `wedge-server` instances sharing one database must share:
/// accounts, API tokens (stored as SHA-256 hashes only), login-throttling counters and idempotency keys; and the
/// `v3-sessions` migration: a key–value store with expiry for Hummingbird's persist driver (sessions).
///
/// One definition for both engines: the two dialects differ only in the type of a counter column, so the
/// statements are written once here and the PostgreSQL engine registers them under the same migration name.
/// None of these tables is part of a study's data: `wedge-server copy` and the audit chain leave them out, so a
/// statistician's SQLite snapshot carries no password hashes. Released: never edit.
package enum ServerStateSchema {
    /// The SQL dialect.
    package enum Dialect: Sendable { case sqlite, postgres }

    /// The migration's name on both engines.
    package static let identifier = "v2-server"

    /// The roles a `server_user` may hold (``WedgeStore/AccountRole``).
    static let roles = AccountRole.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// The statements of `v2-server` in `dialect`. Released: never edit.
    package static func statements(dialect: Dialect) -> [String] {
        let integer = dialect == .sqlite ? "INTEGER" : "BIGINT"
        return [
            """
            CREATE TABLE server_user (
                username TEXT PRIMARY KEY NOT NULL CHECK (username <> ''),
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN (\(roles))),
                site_id TEXT REFERENCES site(id),
                is_disabled \(integer) NOT NULL DEFAULT 0 CHECK (is_disabled IN (0, 1)),
                created_at TEXT NOT NULL,
                CHECK ((role = 'site_coordinator') = (site_id IS NOT NULL))
            )
            """,
            """
            CREATE TABLE server_token (
                token_hash TEXT PRIMARY KEY NOT NULL,
                id TEXT NOT NULL UNIQUE,
                username TEXT NOT NULL REFERENCES server_user(username),
                label TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                revoked_at TEXT
            )
            """,
            """
            CREATE TABLE server_throttle (
                subject TEXT PRIMARY KEY NOT NULL,
                failures \(integer) NOT NULL,
                window_start \(integer) NOT NULL,
                locked_until \(integer) NOT NULL
            )
            """,
            """
            CREATE TABLE server_idempotency (
                username TEXT NOT NULL,
                key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                status \(integer),
                response TEXT,
                created_at TEXT NOT NULL,
                PRIMARY KEY (username, key)
            )
            """,
        ]
    }

    /// The name of the migration that adds ``sessionStatements(dialect:)``, on both engines.
    package static let sessionsIdentifier = "v3-sessions"

    /// The statements of `v3-sessions` in `dialect`: the persist driver's table. Released: never edit.
    package static func sessionStatements(dialect: Dialect) -> [String] {
        let integer = dialect == .sqlite ? "INTEGER" : "BIGINT"
        return [
            """
            CREATE TABLE server_persist (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL,
                expires_at \(integer)
            )
            """,
        ]
    }
}
