// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore
import WedgeStore

/// A participant as the API writes it (the `Participant` schema of `docs/openapi.json`), and its `ETag`.
enum ParticipantJSON {
    /// The JSON object of `participant`; every outcome key is present, null when empty.
    static func object(_ participant: VersionedParticipant) -> [String: Any] {
        let enrollment = participant.enrollment, record = enrollment.record
        let outcome = record.outcome
        var outcomes: [String: Any] = [:]
        for (field, path) in ParticipantField.outcomeDates {
            outcomes[field.rawValue] = outcome[keyPath: path]?.iso ?? NSNull()
        }
        outcomes[ParticipantField.procedureReceived.rawValue] = outcome.procedureReceived ?? NSNull()
        outcomes[ParticipantField.notInitiatedReason.rawValue] = outcome.notInitiatedReason ?? NSNull()
        return [
            "id": record.id, "site": record.siteID, "admission_date": record.admissionDate.iso,
            "condition": enrollment.conditionID, "period": enrollment.period + 1,
            "transition": enrollment.isTransition, "primary": enrollment.isInPrimaryAnalysis,
            "baseline": record.baseline, "outcomes": outcomes, "flags": participant.flags.map(\.rawValue),
            "deleted": participant.isDeleted, "version": participant.version,
        ]
    }

    /// The strong entity tag of a version: `"7"`.
    static func etag(_ version: Int64) -> String { "\"\(version)\"" }

    /// The version an `If-Match` value names, or `nil` when it is not one of ours (`"7"`, or `W/"7"`).
    static func version(ifMatch value: String) -> Int64? {
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("W/") { text.removeFirst(2) }
        guard text.count >= 3, text.first == "\"", text.last == "\"" else { return nil }
        return Int64(text.dropFirst().dropLast())
    }
}
