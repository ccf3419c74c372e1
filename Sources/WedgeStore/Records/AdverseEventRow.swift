// SPDX-License-Identifier: Apache-2.0

import GRDB
import WedgeCore

/// A row of `adverse_event`: an auto-increment record, so it is a `MutablePersistableRecord` that learns its id
/// in ``didInsert(_:)``.
///
/// Related GRDB documentation: `MutablePersistableRecord`, "Persistence Callbacks".
struct AdverseEventRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "adverse_event"

    /// The columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let participantID = Column(CodingKeys.participantID)
    }

    /// The id, `nil` until inserted.
    var id: Int64?
    /// The participant.
    var participantID: String
    /// The event date, `YYYY-MM-DD`.
    var date: String
    /// What happened.
    var description: String
    /// Serious or not.
    var serious: Bool

    enum CodingKeys: String, CodingKey {
        case id, participantID = "participant_id", date, description, serious
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Every row, by id.
    static func fetchAll(_ db: Database) throws -> [AdverseEventRow] {
        try AdverseEventRow.order(Columns.id).fetchAll(db)
    }

    /// The row as a flat map, the form the audit log stores (as JSON) and replays.
    var state: [String: String] {
        ["id": id.map(String.init) ?? "", "participant_id": participantID, "date": date, "description": description,
         "serious": serious ? "1" : "0"]
    }

    /// The event as a domain value, or `nil` when its date is malformed.
    var event: AdverseEvent? {
        guard let id, let day = CivilDate(stored: date) else { return nil }
        return AdverseEvent(id: id, participantID: participantID, date: day, description: description, isSerious: serious)
    }
}
