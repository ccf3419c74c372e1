// SPDX-License-Identifier: Apache-2.0

import GRDB
package import WedgeCore

/// A row of `adverse_event`: an auto-increment record, so it is a `MutablePersistableRecord` that learns its id
/// in ``didInsert(_:)``.
///
/// Related GRDB documentation: `MutablePersistableRecord`, "Persistence Callbacks".
package struct AdverseEventRow: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "adverse_event"

    /// The columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let participantID = Column(CodingKeys.participantID)
    }

    /// The id, `nil` until inserted.
    package var id: Int64?
    /// The participant.
    package var participantID: String
    /// The event date, `YYYY-MM-DD`.
    package var date: String
    /// What happened.
    package var description: String
    /// Serious or not.
    package var serious: Bool

    enum CodingKeys: String, CodingKey {
        case id, participantID = "participant_id", date, description, serious
    }

    /// A row; `id` is `nil` until inserted.
    package init(id: Int64?, participantID: String, date: String, description: String, serious: Bool) {
        self.id = id
        self.participantID = participantID
        self.date = date
        self.description = description
        self.serious = serious
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Every row, by id.
    static func fetchAll(_ db: Database) throws -> [AdverseEventRow] {
        try AdverseEventRow.order(Columns.id).fetchAll(db)
    }

    /// The row as a flat map, the form the audit log stores (as JSON) and replays.
    package var state: [String: String] {
        ["id": id.map(String.init) ?? "", "participant_id": participantID, "date": date, "description": description,
         "serious": serious ? "1" : "0"]
    }

    /// The event as a domain value, or `nil` when its date is malformed.
    package var event: AdverseEvent? {
        guard let id, let day = CivilDate(stored: date) else { return nil }
        return AdverseEvent(id: id, participantID: participantID, date: day, description: description, isSerious: serious)
    }
}
