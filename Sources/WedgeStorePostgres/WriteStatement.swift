// SPDX-License-Identifier: Apache-2.0

import PostgresNIO
import WedgeStore

/// Everything a write transaction stages, sent as one prepared statement: each ``Slot`` is a data-modifying
/// `WITH` query reading its rows from a JSON parameter (`jsonb_populate_recordset`, which types each value by the
/// table's column), empty when the transaction has none. One round trip however many tables a group commit
/// touches, instead of one (or, for COPY, two) per table. It is parsed once per connection; PostgreSQL still plans it
/// for each execution's values, which measured twice as fast as its generic plan (`plan_cache_mode`).
///
/// The parts run on one snapshot in an unspecified order, so they must touch different rows: a row is inserted,
/// updated or deleted by one part only (``PostgresWriteBatch`` sends the differences between a participant as read
/// and as written, never a delete and an insert of the same key). Foreign keys are checked at the end of the
/// statement, so a participant and its induction row may arrive in the same statement. An update or delete also
/// names its keys' first column as an array, so that PostgreSQL finds the rows by index rather than by scanning
/// the table.
///
/// Related PostgreSQL documentation: <https://www.postgresql.org/docs/15/queries-with.html#QUERIES-WITH-MODIFYING>,
/// <https://www.postgresql.org/docs/15/functions-json.html> (`jsonb_populate_recordset`).
struct WriteStatement: PostgresPreparedStatement {
    typealias Row = ()

    /// One part of the statement: the rows of one table and what is done with them.
    enum Slot: Int, CaseIterable {
        case newParticipants, newInductions, newBaseline, newFlags, newAdverseEvents, newScreenings, newAudit
        case changedParticipants, changedInductions, changedBaseline, removedBaseline, removedFlags, changedScreenings
        /// Idempotency keys answered by the writes (``WedgeStore/IdempotentAnswer``).
        case answeredKeys

        /// The inserting slots, in the order foreign keys need them when they are sent one by one (COPY).
        static let inserts: [Slot] = [.newParticipants, .newInductions, .newBaseline, .newFlags, .newAdverseEvents,
                                      .newScreenings, .newAudit]

        /// The slot's table and the columns of its rows.
        var rows: TableRows {
            switch self {
            case .newParticipants, .changedParticipants: TableRows("participant", Self.participantColumns)
            case .newInductions, .changedInductions:
                TableRows("induction", ["participant_id"] + ParticipantColumns.outcomeColumns)
            case .newBaseline, .changedBaseline: TableRows("baseline_value", ["participant_id", "covariate", "value"])
            case .removedBaseline: TableRows("baseline_value", ["participant_id", "covariate"])
            case .newFlags, .removedFlags: TableRows("participant_flag", ["participant_id", "flag"])
            case .newAdverseEvents: TableRows("adverse_event", ["id", "participant_id", "date", "description", "serious"])
            case .newScreenings, .changedScreenings: TableRows("screening", Self.screeningColumns)
            case .answeredKeys: TableRows("server_idempotency", ["username", "key", "status", "response"])
            case .newAudit:
                TableRows("audit_log", ["id", "at", "actor", "action", "table_name", "record_id", "field", "old_value",
                                        "new_value", "reason", "prev_hash", "hash"])
            }
        }

        /// The key of an updating or deleting slot (its first column is also sent as an array); `nil` for an
        /// inserting one.
        var key: [String]? {
            switch self {
            case .changedParticipants, .changedScreenings: ["id"]
            case .changedInductions: ["participant_id"]
            case .changedBaseline, .removedBaseline: ["participant_id", "covariate"]
            case .removedFlags: ["participant_id", "flag"]
            case .answeredKeys: ["username", "key"]
            default: nil
            }
        }

        private static let participantColumns = ["id", "site_id", "admission_date", "condition_id", "period",
                                                 "is_transition", "is_in_primary", "is_deleted"]
        private static let screeningColumns = ["id", "site_id", "screening_date", "eligible", "ineligible_reason",
                                               "consented", "condition_id", "period", "participant_id", "is_deleted"]
    }

    /// The rows of each slot, by ``Slot/rawValue``.
    private var slots: [TableRows] = Slot.allCases.map(\.rows)

    /// The rows of `slot`.
    subscript(slot: Slot) -> TableRows {
        get { slots[slot.rawValue] }
        set { slots[slot.rawValue] = newValue }
    }

    /// How many rows the inserting slots have.
    var insertedRows: Int { Slot.inserts.reduce(0) { $0 + self[$1].rows.count } }

    /// Whether no slot has a row.
    var isEmpty: Bool { slots.allSatisfy(\.isEmpty) }

    static let sql: String = {
        var parameter = 0
        func next() -> String {
            parameter += 1
            return "$\(parameter)"
        }
        let parts = Slot.allCases.map { slot -> String in
            let rows = slot.rows, source = "jsonb_populate_recordset(NULL::\(rows.table), \(next())::jsonb)"
            let columns = rows.columns.joined(separator: ", ")
            guard let key = slot.key else {
                return "INSERT INTO \(rows.table) (\(columns)) SELECT \(columns) FROM \(source)"
            }
            let match = key.map { "o.\($0) = v.\($0)" }.joined(separator: " AND ") + " AND o.\(key[0]) = ANY(\(next())::text[])"
            if rows.columns.count == key.count {
                return "DELETE FROM \(rows.table) AS o USING \(source) AS v WHERE \(match)"
            }
            let assignments = rows.columns.filter { !key.contains($0) }.map { "\($0) = v.\($0)" }.joined(separator: ", ")
            return "UPDATE \(rows.table) AS o SET \(assignments) FROM \(source) AS v WHERE \(match)"
        }
        // The last part is the statement itself, so that it returns no rows.
        let queries = parts.dropLast().enumerated().map { "w\($0.offset) AS (\($0.element))" }.joined(separator: ",\n")
        return "WITH \(queries)\n\(parts.last!)"
    }()

    func makeBindings() throws -> PostgresBindings {
        var binds = PostgresBindings()
        for slot in Slot.allCases {
            let rows = self[slot]
            binds.append(rows.json, context: .default)
            if slot.key != nil {
                binds.append(Array(Set(rows.rows.map { $0[0].text ?? "" })).sorted(), context: .default)
            }
        }
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws {}

    /// Sends the statement, inside the caller's transaction; nothing when no slot has a row.
    func run(_ connection: PostgresConnection, logger: Logger) async throws {
        guard !isEmpty else { return }
        _ = try await connection.execute(self, logger: logger)
    }
}
