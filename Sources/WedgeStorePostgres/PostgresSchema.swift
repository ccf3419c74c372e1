// SPDX-License-Identifier: Apache-2.0

import WedgeStore

/// The PostgreSQL schema: the same tables, columns, keys, constraints and guards as the SQLite schema
/// (`StoreMigrations`), migration by migration and under the same migration names, so that a database records which
/// steps it has had the same way on both engines. The test `schemasDescribeTheSameTables` compares the two.
///
/// Types: text stays `TEXT` (dates too, as `YYYY-MM-DD` with a `CHECK`, so that exports and the audit chain's
/// canonical bytes are identical on both engines); SQLite's 0/1 integers are `BOOLEAN`; ids are `BIGINT`. The
/// adverse-event id is assigned by Wedge (the highest + 1, under the audit chain's lock) rather than by SQLite's
/// AUTOINCREMENT; since events are never deleted, both give the same ids.
///
/// Policy (see `docs/database-schema.md`): a migration is never edited once released.
///
/// Related PostgreSQL documentation: <https://www.postgresql.org/docs/15/sql-createtrigger.html>,
/// <https://www.postgresql.org/docs/15/plpgsql-trigger.html>
enum PostgresSchema {
    /// The table recording which migrations a database has had (GRDB's `grdb_migrations` on SQLite).
    static let migrationsTable = "wedge_migrations"

    /// Every migration, in order: its name and statements.
    static let migrations: [(identifier: String, statements: [String])] = [
        ("v1-schema", v1Schema),
        (ServerStateSchema.identifier, ServerStateSchema.statements(dialect: .postgres)),
        (ServerStateSchema.sessionsIdentifier, ServerStateSchema.sessionStatements(dialect: .postgres)),
        (ScreeningSchema.identifier, ScreeningSchema.statements(dialect: .postgres)),
    ]

    /// The statements of `v1-schema`. Released: never edit.
    static let v1Schema: [String] = [
        """
        CREATE TABLE study (
            id TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            protocol_text TEXT NOT NULL,
            protocol_digest TEXT NOT NULL,
            seed TEXT NOT NULL,
            algorithm TEXT NOT NULL,
            wedge_version TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE site (
            id TEXT PRIMARY KEY NOT NULL,
            study_id TEXT NOT NULL REFERENCES study(id),
            position INTEGER NOT NULL UNIQUE CHECK (position >= 0),
            name TEXT NOT NULL,
            sequence_index INTEGER NOT NULL CHECK (sequence_index >= 0)
        )
        """,
        """
        CREATE TABLE participant (
            id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
            site_id TEXT NOT NULL REFERENCES site(id),
            admission_date TEXT NOT NULL CHECK (admission_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
            condition_id TEXT NOT NULL,
            period INTEGER NOT NULL CHECK (period >= 0),
            is_transition BOOLEAN NOT NULL,
            is_in_primary BOOLEAN NOT NULL,
            is_deleted BOOLEAN NOT NULL DEFAULT FALSE
        )
        """,
        "CREATE INDEX participant_site ON participant(site_id)",
        """
        CREATE TABLE induction (
            participant_id TEXT PRIMARY KEY NOT NULL REFERENCES participant(id),
            induction_start_date TEXT,
            procedure_received TEXT,
            first_injection_date TEXT,
            not_initiated_reason TEXT,
            discharge_date TEXT,
            second_injection_date TEXT,
            third_injection_date TEXT,
            last_contact_date TEXT,
            dropout_date TEXT
        )
        """,
        """
        CREATE TABLE baseline_value (
            participant_id TEXT NOT NULL REFERENCES participant(id),
            covariate TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (participant_id, covariate)
        )
        """,
        """
        CREATE TABLE participant_flag (
            participant_id TEXT NOT NULL REFERENCES participant(id),
            flag TEXT NOT NULL,
            PRIMARY KEY (participant_id, flag)
        )
        """,
        """
        CREATE TABLE adverse_event (
            id BIGINT PRIMARY KEY NOT NULL CHECK (id >= 1),
            participant_id TEXT NOT NULL REFERENCES participant(id),
            date TEXT NOT NULL CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
            description TEXT NOT NULL,
            serious BOOLEAN NOT NULL
        )
        """,
        "CREATE INDEX adverse_event_participant ON adverse_event(participant_id)",
        """
        CREATE TABLE audit_log (
            id BIGINT PRIMARY KEY NOT NULL CHECK (id >= 1),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT,
            field TEXT,
            old_value TEXT,
            new_value TEXT,
            reason TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE
        )
        """,
        "CREATE INDEX audit_log_record ON audit_log(record_id)",
        // One function raises the guard's message (its trigger argument), for every guard below.
        """
        CREATE FUNCTION wedge_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END
        $$
        """,
        """
        CREATE FUNCTION wedge_study_single_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM study) THEN RAISE EXCEPTION 'a database holds one study'; END IF;
            RETURN NEW;
        END
        $$
        """,
        guardRow("audit_log_no_update", "UPDATE", "audit_log", "audit_log is append-only"),
        guardRow("audit_log_no_delete", "DELETE", "audit_log", "audit_log is append-only"),
        guardStatement("audit_log_no_truncate", "audit_log", "audit_log is append-only"),
        "CREATE TRIGGER study_single_row BEFORE INSERT ON study FOR EACH ROW EXECUTE FUNCTION wedge_study_single_row()",
        guardRow("study_no_update", "UPDATE", "study", "the study row is immutable"),
        guardRow("study_no_delete", "DELETE", "study", "the study row is immutable"),
        guardStatement("study_no_truncate", "study", "the study row is immutable"),
        guardRow("site_no_update", "UPDATE", "site", "site rows are immutable"),
        guardRow("site_no_delete", "DELETE", "site", "site rows are immutable"),
        guardStatement("site_no_truncate", "site", "site rows are immutable"),
        guardRow("participant_no_delete", "DELETE", "participant", "participants are soft-deleted, never deleted"),
        guardStatement("participant_no_truncate", "participant", "participants are soft-deleted, never deleted"),
    ]

    /// A row trigger that refuses `event` on `table` with `message`.
    private static func guardRow(_ name: String, _ event: String, _ table: String, _ message: String) -> String {
        "CREATE TRIGGER \(name) BEFORE \(event) ON \(table) FOR EACH ROW EXECUTE FUNCTION wedge_refuse('\(message)')"
    }

    /// A statement trigger that refuses `TRUNCATE` of `table` with `message` (SQLite has no TRUNCATE).
    private static func guardStatement(_ name: String, _ table: String, _ message: String) -> String {
        "CREATE TRIGGER \(name) BEFORE TRUNCATE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION wedge_refuse('\(message)')"
    }
}
