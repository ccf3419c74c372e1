// SPDX-License-Identifier: Apache-2.0

import GRDB
import WedgeCore

/// Reads participants across `participant`, `induction`, `baseline_value` and `participant_flag`, and replaces
/// a stored one; ``ParticipantWriter`` inserts new ones.
enum ParticipantTables {
    private static let select = """
        SELECT p.id, p.site_id, p.admission_date, p.condition_id, p.period, p.is_transition, p.is_in_primary,
               p.is_deleted, i.participant_id, i.induction_start_date, i.procedure_received, i.first_injection_date,
               i.not_initiated_reason, i.discharge_date, i.second_injection_date, i.third_injection_date,
               i.last_contact_date, i.dropout_date
        FROM participant p LEFT JOIN induction i ON i.participant_id = p.id
        """

    /// A participant's version (``VersionedParticipant``): the id of the last audit entry about it, 0 when none.
    static func version(_ db: Database, id: String) throws -> Int64 {
        let statement = try db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE record_id = ? AND table_name IN \(AuditEntry.participantTables)")
        return try Int64.fetchOne(statement, arguments: [id]) ?? 0
    }

    /// Every participant's version, by id.
    static func versions(_ db: Database) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT record_id, MAX(id) FROM audit_log
            WHERE record_id IS NOT NULL AND table_name IN \(AuditEntry.participantTables) GROUP BY record_id
            """)
        while let row = try rows.next() { result[row[0]] = row[1] }
        return result
    }

    /// Whether a participant with this id exists, deleted or not.
    static func exists(_ db: Database, id: String) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM participant WHERE id = ?")
        return try Bool.fetchOne(statement, arguments: [id]) ?? false
    }

    /// The participant with this id, deleted or not.
    static func fetchOne(_ db: Database, id: String) throws -> StoredParticipant? {
        // Cached statements: a server reads one participant per request.
        guard let row = try Row.fetchOne(db.cachedStatement(sql: select + " WHERE p.id = ?"), arguments: [id]) else {
            return nil
        }
        let baseline = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT covariate, value FROM baseline_value WHERE participant_id = ?"), arguments: [id])
        let flags = try String.fetchAll(
            db.cachedStatement(sql: "SELECT flag FROM participant_flag WHERE participant_id = ?"), arguments: [id])
        return try decode(row, baseline: Dictionary(baseline.map { ($0[0], $0[1]) }) { a, _ in a }, flags: flags)
    }

    /// Every participant, ordered by id.
    static func fetchAll(_ db: Database, includeDeleted: Bool) throws -> [StoredParticipant] {
        var baseline: [String: [String: String]] = [:]
        let baselineRows = try Row.fetchCursor(db, sql: "SELECT participant_id, covariate, value FROM baseline_value")
        while let row = try baselineRows.next() {
            baseline[row[0], default: [:]][row[1]] = row[2] as String
        }
        var flags: [String: [String]] = [:]
        let flagRows = try Row.fetchCursor(db, sql: "SELECT participant_id, flag FROM participant_flag")
        while let row = try flagRows.next() {
            flags[row[0], default: []].append(row[1])
        }
        let filter = includeDeleted ? "" : " WHERE p.is_deleted = 0"
        var result: [StoredParticipant] = []
        let rows = try Row.fetchCursor(db, sql: select + filter + " ORDER BY p.id")
        while let row = try rows.next() {
            let id: String = row[0]
            result.append(try decode(row, baseline: baseline[id] ?? [:], flags: flags[id] ?? []))
        }
        return result
    }

    /// Overwrites a participant's row, outcomes, baseline values and flags with `participant`.
    static func replace(_ db: Database, _ participant: StoredParticipant) throws {
        let e = participant.enrollment
        let r = e.record
        try db.execute(sql: """
            UPDATE participant SET site_id = ?, admission_date = ?, condition_id = ?, period = ?, is_transition = ?,
                                   is_in_primary = ?, is_deleted = ?
            WHERE id = ?
            """, arguments: [r.siteID, r.admissionDate.iso, e.conditionID, e.period, e.isTransition,
                             e.isInPrimaryAnalysis, participant.isDeleted, r.id])
        var arguments: StatementArguments = []
        for (_, value) in ParticipantState.outcomeValues(r.outcome) { arguments += [value] }
        arguments += [r.id]
        try db.execute(sql: """
            UPDATE induction SET induction_start_date = ?, procedure_received = ?, first_injection_date = ?,
                                 not_initiated_reason = ?, discharge_date = ?, second_injection_date = ?,
                                 third_injection_date = ?, last_contact_date = ?, dropout_date = ?
            WHERE participant_id = ?
            """, arguments: arguments)
        try db.execute(sql: "DELETE FROM baseline_value WHERE participant_id = ?", arguments: [r.id])
        try db.execute(sql: "DELETE FROM participant_flag WHERE participant_id = ?", arguments: [r.id])
        try ParticipantWriter(db).insertChildren(participant)
    }

    private static func decode(_ row: Row, baseline: [String: String], flags: [String]) throws -> StoredParticipant {
        let columns = ParticipantColumns(
            id: row[0], siteID: row[1], admissionDate: row[2], conditionID: row[3], period: row[4],
            isTransition: row[5], isInPrimary: row[6], isDeleted: row[7], hasInduction: row[8] as String? != nil,
            outcomes: (9...17).map { row[$0] as String? })
        return try StoredParticipant(columns, baseline: baseline, flags: flags)
    }
}
