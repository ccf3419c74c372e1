// SPDX-License-Identifier: Apache-2.0

import GRDB
import WedgeCore

/// Reads and writes the `screening` table on SQLite.
enum ScreeningTables {
    private static let select = """
        SELECT id, site_id, screening_date, eligible, ineligible_reason, consented, condition_id, period, participant_id,
               is_deleted FROM screening
        """

    /// The screening with this id, deleted or not.
    static func fetchOne(_ db: Database, id: String) throws -> ScreeningRecord? {
        try Row.fetchOne(db.cachedStatement(sql: select + " WHERE id = ?"), arguments: [id]).map(decode)
    }

    /// The id of the screening linked to a participant, if any (deleted screenings included).
    static func linked(_ db: Database, participantID: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM screening WHERE participant_id = ?"),
                            arguments: [participantID])
    }

    /// Every screening of one site (every site when `siteID` is `nil`), ordered by id.
    static func fetchAll(_ db: Database, siteID: String? = nil, includeDeleted: Bool) throws -> [ScreeningRecord] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if !includeDeleted { conditions.append("is_deleted = 0") }
        if let siteID {
            conditions.append("site_id = ?")
            arguments += [siteID]
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: select + filter + " ORDER BY id", arguments: arguments).map(decode)
    }

    /// Stores a new screening.
    static func insert(_ db: Database, _ record: ScreeningRecord) throws {
        let e = record.entry
        try db.execute(sql: """
            INSERT INTO screening (id, site_id, screening_date, eligible, ineligible_reason, consented, condition_id,
                                   period, participant_id, is_deleted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [e.id, e.siteID, e.screeningDate.iso, e.isEligible, e.ineligibleReason, e.consented,
                             record.conditionID, record.period, e.participantID, record.isDeleted])
    }

    /// Overwrites a stored screening's row.
    static func replace(_ db: Database, _ record: ScreeningRecord) throws {
        let e = record.entry
        try db.execute(sql: """
            UPDATE screening SET site_id = ?, screening_date = ?, eligible = ?, ineligible_reason = ?, consented = ?,
                                 condition_id = ?, period = ?, participant_id = ?, is_deleted = ?
            WHERE id = ?
            """, arguments: [e.siteID, e.screeningDate.iso, e.isEligible, e.ineligibleReason, e.consented,
                             record.conditionID, record.period, e.participantID, record.isDeleted, e.id])
    }

    private static func decode(_ row: Row) throws -> ScreeningRecord {
        let id: String = row[0]
        guard let date = CivilDate(iso: row[2] as String) else {
            throw StoreError.inconsistentDatabase(problem: "screening '\(id)' has a malformed screening_date")
        }
        return ScreeningRecord(
            entry: ScreeningEntry(id: id, siteID: row[1], screeningDate: date, isEligible: row[3],
                                  ineligibleReason: row[4], consented: row[5], participantID: row[8]),
            conditionID: row[6], period: row[7], isDeleted: row[9])
    }
}
