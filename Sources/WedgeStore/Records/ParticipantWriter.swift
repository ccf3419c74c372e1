// SPDX-License-Identifier: Apache-2.0

import GRDB
import WedgeCore

/// Writes participants into `participant`, `induction`, `baseline_value` and `participant_flag` with statements
/// prepared on first use and kept for the writer's life (``PreparedInsert``), so that a bulk import inside one
/// transaction prepares each once and binds each value straight to SQLite.
final class ParticipantWriter {
    private let db: Database
    private var participant: PreparedInsert?
    private var participantIfNew: PreparedInsert?
    private var induction: PreparedInsert?
    private var flag: PreparedInsert?
    private var baseline: [Int: PreparedInsert] = [:]

    /// A writer on the connection of `db`.
    init(_ db: Database) {
        self.db = db
    }

    /// The statement in `slot`, prepared from `sql` on first use.
    private func prepared(_ slot: inout PreparedInsert?, _ sql: @autoclosure () -> String) throws -> PreparedInsert {
        if let known = slot { return known }
        let insert = try PreparedInsert(db, sql: sql())
        slot = insert
        return insert
    }

    private static let insertParticipant = """
        INSERT INTO participant (id, site_id, admission_date, condition_id, period, is_transition, is_in_primary,
                                 is_deleted)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let insertParticipantIfNew = insertParticipant + " ON CONFLICT(id) DO NOTHING"
    private static let insertInduction = """
        INSERT INTO induction (participant_id, induction_start_date, procedure_received, first_injection_date,
                               not_initiated_reason, discharge_date, second_injection_date, third_injection_date,
                               last_contact_date, dropout_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let insertFlag = "INSERT INTO participant_flag (participant_id, flag) VALUES (?, ?)"

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
        let insertParticipant = onlyIfNew ? try prepared(&participantIfNew, Self.insertParticipantIfNew)
            : try prepared(&participant, Self.insertParticipant)
        try insertParticipant.run { bind in
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
        try prepared(&induction, Self.insertInduction).run { bind in
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
            try baselineInsert(rows: baseline.count).run { bind in
                for (covariate, value) in baseline.sorted(by: { $0.key < $1.key }) {
                    bind.text(id)
                    bind.text(covariate)
                    bind.text(value)
                }
            }
        }
        for value in stored.flags {
            try prepared(&flag, Self.insertFlag).run { bind in
                bind.text(id)
                bind.text(value.rawValue)
            }
        }
    }

    /// `INSERT INTO baseline_value … VALUES (?, ?, ?), …` for `rows` rows, prepared on first use.
    private func baselineInsert(rows: Int) throws -> PreparedInsert {
        if let known = baseline[rows] { return known }
        let sql = "INSERT INTO baseline_value (participant_id, covariate, value) VALUES "
            + Array(repeating: "(?, ?, ?)", count: rows).joined(separator: ", ")
        let insert = try PreparedInsert(db, sql: sql)
        baseline[rows] = insert
        return insert
    }
}
