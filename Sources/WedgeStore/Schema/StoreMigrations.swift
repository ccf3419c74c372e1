// SPDX-License-Identifier: Apache-2.0

import GRDB

/// The study database's schema migrations, in order.
///
/// Policy (see `docs/database-schema.md`): a migration is never edited once released; schema changes go in a
/// new migration with a new stable name. Migrations use raw SQL and never application types, so that old
/// databases migrate the same way whatever the code becomes.
///
/// Related SQLite documentation: <https://www.sqlite.org/lang_createtable.html>,
/// <https://www.sqlite.org/lang_createtrigger.html>
enum StoreMigrations {
    /// The name of the first migration; a database that has applied it is a Wedge database.
    static let v1 = "v1-schema"
    /// The name of the migration that adds the server's shared state (``ServerStateSchema``).
    static let v2 = ServerStateSchema.identifier
    /// The name of the migration that adds the sessions' persist table.
    static let v3 = ServerStateSchema.sessionsIdentifier
    /// The name of the migration that adds the screening log (``ScreeningSchema``).
    static let v4 = ScreeningSchema.identifier

    /// The migrator with every migration registered.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1) { db in
            for statement in v1Schema { try db.execute(sql: statement) }
        }
        migrator.registerMigration(v2) { db in
            for statement in ServerStateSchema.statements(dialect: .sqlite) { try db.execute(sql: statement) }
        }
        migrator.registerMigration(v3) { db in
            for statement in ServerStateSchema.sessionStatements(dialect: .sqlite) { try db.execute(sql: statement) }
        }
        migrator.registerMigration(v4) { db in
            for statement in ScreeningSchema.statements(dialect: .sqlite) { try db.execute(sql: statement) }
        }
        return migrator
    }

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
            admission_date TEXT NOT NULL CHECK (admission_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            condition_id TEXT NOT NULL,
            period INTEGER NOT NULL CHECK (period >= 0),
            is_transition INTEGER NOT NULL CHECK (is_transition IN (0, 1)),
            is_in_primary INTEGER NOT NULL CHECK (is_in_primary IN (0, 1)),
            is_deleted INTEGER NOT NULL DEFAULT 0 CHECK (is_deleted IN (0, 1))
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
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE participant_flag (
            participant_id TEXT NOT NULL REFERENCES participant(id),
            flag TEXT NOT NULL,
            PRIMARY KEY (participant_id, flag)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE adverse_event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            participant_id TEXT NOT NULL REFERENCES participant(id),
            date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            description TEXT NOT NULL,
            serious INTEGER NOT NULL CHECK (serious IN (0, 1))
        )
        """,
        "CREATE INDEX adverse_event_participant ON adverse_event(participant_id)",
        """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY CHECK (id >= 1),
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
        """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
        """,
        """
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
        """,
        """
        CREATE TRIGGER study_single_row BEFORE INSERT ON study WHEN (SELECT COUNT(*) FROM study) > 0
        BEGIN SELECT RAISE(ABORT, 'a database holds one study'); END
        """,
        """
        CREATE TRIGGER study_no_update BEFORE UPDATE ON study
        BEGIN SELECT RAISE(ABORT, 'the study row is immutable'); END
        """,
        """
        CREATE TRIGGER study_no_delete BEFORE DELETE ON study
        BEGIN SELECT RAISE(ABORT, 'the study row is immutable'); END
        """,
        """
        CREATE TRIGGER site_no_update BEFORE UPDATE ON site
        BEGIN SELECT RAISE(ABORT, 'site rows are immutable'); END
        """,
        """
        CREATE TRIGGER site_no_delete BEFORE DELETE ON site
        BEGIN SELECT RAISE(ABORT, 'site rows are immutable'); END
        """,
        """
        CREATE TRIGGER participant_no_delete BEFORE DELETE ON participant
        BEGIN SELECT RAISE(ABORT, 'participants are soft-deleted, never deleted'); END
        """,
    ]
}
