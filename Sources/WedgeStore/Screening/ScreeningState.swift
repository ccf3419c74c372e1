// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

/// A screening's stored state as a flat map from field name to canonical text; absent means empty: the screening
/// CSV's column names (``WedgeCore/ScreeningField``, without the id) plus the derived `condition_id`, `period` and
/// `deleted`. The audit log stores it as JSON on insert and records later changes key by key, as it does a
/// participant's (``ParticipantState``), so that verification replays screenings too.
package enum ScreeningState {
    /// The audit log's `table_name` of screening entries.
    package static let table = "screening"
    /// The derived keys.
    static let conditionID = ParticipantState.conditionID
    static let period = ParticipantState.period
    static let deleted = ParticipantState.deleted

    /// The canonical state of a stored screening.
    package static func fields(of record: ScreeningRecord) -> [String: String] {
        let e = record.entry
        var fields: [String: String] = [
            ScreeningField.siteID.rawValue: e.siteID,
            ScreeningField.screeningDate.rawValue: e.screeningDate.iso,
            ScreeningField.eligible.rawValue: ScreeningField.text(e.isEligible),
            conditionID: record.conditionID,
            period: String(record.period),
        ]
        if let reason = e.ineligibleReason { fields[ScreeningField.ineligibleReason.rawValue] = reason }
        if let consented = e.consented { fields[ScreeningField.consented.rawValue] = ScreeningField.text(consented) }
        if let participant = e.participantID { fields[ScreeningField.participantID.rawValue] = participant }
        if record.isDeleted { fields[deleted] = "1" }
        return fields
    }

    /// The state as JSON with sorted keys (``ParticipantState/json(_:)``).
    static func json(_ record: ScreeningRecord) -> String { ParticipantState.json(fields(of: record)) }
}
