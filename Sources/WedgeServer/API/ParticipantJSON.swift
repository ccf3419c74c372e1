// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore
import WedgeStore

/// A participant as the API writes it (the `Participant` schema of `docs/openapi.json`), and its `ETag`.
enum ParticipantJSON {
    /// The JSON object of `participant`; every outcome key is present, null when empty. Built as a
    /// ``WedgeCore/JSONValue`` directly, keys in byte order (the server writes one per request).
    static func object(_ participant: VersionedParticipant) -> JSONValue {
        let enrollment = participant.enrollment, record = enrollment.record
        var outcomes = ParticipantField.outcomeDates.map { field, path in
            (field.rawValue, JSONValue.optional(record.outcome[keyPath: path]?.iso))
        }
        outcomes.append((ParticipantField.procedureReceived.rawValue, .optional(record.outcome.procedureReceived)))
        outcomes.append((ParticipantField.notInitiatedReason.rawValue, .optional(record.outcome.notInitiatedReason)))
        let members: [(String, JSONValue)] = [
            ("id", .string(record.id)), ("site", .string(record.siteID)), ("admission_date", .string(record.admissionDate.iso)),
            ("condition", .string(enrollment.conditionID)), ("period", .int(enrollment.period + 1)),
            ("transition", .bool(enrollment.isTransition)), ("primary", .bool(enrollment.isInPrimaryAnalysis)),
            ("baseline", sorted(record.baseline.map { ($0.key, JSONValue.string($0.value)) })),
            ("outcomes", sorted(outcomes)), ("flags", .array(participant.flags.map { .string($0.rawValue) })),
            ("deleted", .bool(participant.isDeleted)), ("version", .int(Int(participant.version))),
        ]
        return sorted(members)
    }

    private static func sorted(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) })
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
