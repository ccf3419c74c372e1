// SPDX-License-Identifier: Apache-2.0

/// The `v4-screening` migration: the screening log, one row per screened person, with the condition and period in
/// effect at the site on the screening date (stamped from the schedule) and the participant enrolled from it.
///
/// One definition for both engines (as ``ServerStateSchema``): the dialects differ in the Boolean columns
/// (SQLite's `INTEGER` 0/1, PostgreSQL's `BOOLEAN`), the date check (`GLOB`, a regular expression) and the guard
/// that refuses a hard delete (a `RAISE(ABORT)` trigger; PostgreSQL's `wedge_refuse()` row trigger and a `TRUNCATE`
/// statement trigger, as `v1-schema` guards participants). Released: never edit.
package enum ScreeningSchema {
    /// The migration's name on both engines.
    package static let identifier = "v4-screening"

    /// The statements of `v4-screening` in `dialect`. Released: never edit.
    package static func statements(dialect: ServerStateSchema.Dialect) -> [String] {
        let sqlite = dialect == .sqlite
        let boolean = sqlite ? "INTEGER" : "BOOLEAN"
        func flag(_ column: String) -> String { sqlite ? " CHECK (\(column) IN (0, 1))" : "" }
        let date = sqlite ? "screening_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
            : "screening_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'"
        let message = "screenings are soft-deleted, never deleted"
        let table = """
            CREATE TABLE screening (
                id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
                site_id TEXT NOT NULL REFERENCES site(id),
                screening_date TEXT NOT NULL CHECK (\(date)),
                eligible \(boolean) NOT NULL\(flag("eligible")),
                ineligible_reason TEXT,
                consented \(boolean)\(flag("consented")),
                condition_id TEXT NOT NULL,
                period INTEGER NOT NULL CHECK (period >= 0),
                participant_id TEXT UNIQUE REFERENCES participant(id),
                is_deleted \(boolean) NOT NULL DEFAULT \(sqlite ? "0" : "FALSE")\(flag("is_deleted"))
            )
            """
        let index = "CREATE INDEX screening_site ON screening(site_id)"
        if sqlite {
            return [table, index, """
                CREATE TRIGGER screening_no_delete BEFORE DELETE ON screening
                BEGIN SELECT RAISE(ABORT, '\(message)'); END
                """]
        }
        return [table, index,
                "CREATE TRIGGER screening_no_delete BEFORE DELETE ON screening FOR EACH ROW EXECUTE FUNCTION wedge_refuse('\(message)')",
                "CREATE TRIGGER screening_no_truncate BEFORE TRUNCATE ON screening FOR EACH STATEMENT EXECUTE FUNCTION wedge_refuse('\(message)')"]
    }
}
