// SPDX-License-Identifier: Apache-2.0

import WedgeCore

/// A screening as the API writes it (the `Screening` schema of `docs/openapi.json`). The condition is the one in
/// effect at the site on the screening date, a day that has come, so it discloses nothing ahead of its notice.
enum ScreeningJSON {
    /// The JSON object of `record`, keys in byte order.
    static func object(_ record: ScreeningRecord) -> JSONValue {
        .object([
            ("condition", .string(record.conditionID)), ("consented", record.consented.map(JSONValue.bool) ?? .null),
            ("eligible", .bool(record.isEligible)), ("id", .string(record.id)),
            ("ineligible_reason", .optional(record.ineligibleReason)), ("participant_id", .optional(record.participantID)),
            ("period", .int(record.period + 1)), ("screening_date", .string(record.screeningDate.iso)),
            ("site", .string(record.siteID)),
        ])
    }
}
