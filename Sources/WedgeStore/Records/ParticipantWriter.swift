// SPDX-License-Identifier: Apache-2.0

import GRDB
import WedgeCore

/// Writes participants into `participant`, `induction`, `baseline_value` and `participant_flag` with statements
/// prepared once per write (``PreparedInsert``), so that a bulk import inside one transaction binds each value
/// straight to SQLite.
final class ParticipantWriter {
    private let db: Database
    private let participant: PreparedInsert
    private let participantIfNew: PreparedInsert
    private let induction: PreparedInsert
    private let flag: PreparedInsert
    private var baselineInserts: [Int: PreparedInsert] = [:]

    /// Prepares the statements on the connection of `db`.
    init(_ db: Database) throws {
        self.db = db
        participant = try PreparedInsert(db, sql: Self.insertParticipant)
        participantIfNew = try PreparedInsert(db, sql: Self.insertParticipant + " ON CONFLICT(id) DO NOTHING")
        induction = try PreparedInsert(db, sql: """
            INSERT INTO induction (participant_id, induction_start_date, procedure_received, first_injection_date,
                                   not_initiated_reason, discharge_date, second_injection_date, third_injection_date,
                                   last_contact_date, dropout_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        flag = try PreparedInsert(db, sql: "INSERT INTO participant_flag (participant_id, flag) VALUES (?, ?)")
    }

    private static let insertParticipant = """
        INSERT INTO participant (id, site_id, admission_date, condition_id, period, is_transition, is_in_primary,
                                 is_deleted)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Inserts a new participant with its outcomes, baseline values and flags.
    func insert(_ stored: StoredParticipant) throws {
        _ = try insert(stored, outcomes: ParticipantState.outcomeValues(stored.enrollment.record.outcome),
                       onlyIfNew: false)
    }

    /// Inserts a new participant, given its outcome values as ``ParticipantState/outcomeValues(_:)`` returns
    /// them (so that a caller that needs them too computes them once).
    ///
    /// - Parameter onlyIfNew: When a participant with this id is already stored (deleted or not), write nothing
    ///   and return `false`, instead of failing on the primary key. This folds the existence check of an import
    ///   into its INSERT.
    /// - Returns: Whether the participant was inserted.
    func insert(
        _ stored: StoredParticipant, outcomes: [(ParticipantField, String?)], onlyIfNew: Bool
    ) throws -> Bool {
        let e = stored.enrollment
        let r = e.record
        try (onlyIfNew ? participantIfNew : participant).run { bind in
            bind.text(r.id)
            bind.text(r.siteID)
            bind.text(r.admissionDate.iso)
            bind.text(e.conditionID)
            bind.int(Int64(e.period))
            bind.bool(e.isTransition)
            bind.bool(e.isInPrimaryAnalysis)
            bind.bool(stored.isDeleted)
        }
        if onlyIfNew, db.changesCount == 0 { return false }
        try induction.run { bind in
            bind.text(r.id)
            for (_, value) in outcomes { bind.text(value) }
        }
        try insertChildren(stored)
        return true
    }

    /// Inserts a participant's baseline values and flags (after ``ParticipantTables`` removed the old ones, on
    /// a replace).
    func insertChildren(_ stored: StoredParticipant) throws {
        let id = stored.id
        let baseline = stored.enrollment.record.baseline
        if !baseline.isEmpty {
            // One multi-row INSERT per participant rather than one per value.
            let insert = try baselineInsert(rows: baseline.count)
            try insert.run { bind in
                for (covariate, value) in baseline.sorted(by: { $0.key < $1.key }) {
                    bind.text(id)
                    bind.text(covariate)
                    bind.text(value)
                }
            }
        }
        for value in stored.flags {
            try flag.run { bind in
                bind.text(id)
                bind.text(value.rawValue)
            }
        }
    }

    /// `INSERT INTO baseline_value … VALUES (?, ?, ?), …` for `rows` rows, prepared on first use.
    private func baselineInsert(rows: Int) throws -> PreparedInsert {
        if let known = baselineInserts[rows] { return known }
        let sql = "INSERT INTO baseline_value (participant_id, covariate, value) VALUES "
            + Array(repeating: "(?, ?, ?)", count: rows).joined(separator: ", ")
        let insert = try PreparedInsert(db, sql: sql)
        baselineInserts[rows] = insert
        return insert
    }
}
