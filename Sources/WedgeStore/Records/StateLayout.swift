// SPDX-License-Identifier: Apache-2.0

import WedgeCore

/// The keys of a participant's state (``ParticipantState``) for one protocol, sorted once, so that a bulk import
/// writes each `insert` audit entry's JSON without building and sorting a dictionary per participant.
///
/// ``json(of:outcomes:)`` returns exactly the text of `ParticipantState.json(participant.state)` (the tests
/// compare the two on varied participants); it returns `nil` for a participant with a baseline key the protocol
/// does not define, and the caller then uses the general path.
struct StateLayout {
    /// Where a key's value comes from.
    private enum Source {
        case site, admission, condition, period, transition, primary, flags, deleted
        case baseline(String)
        case outcome(ParticipantField)
    }

    private let keys: [(quoted: String, source: Source)]

    /// The layout for a protocol's baseline covariates.
    init(baselineIDs: [String]) {
        var entries: [(String, Source)] = [
            (ParticipantField.siteID.rawValue, .site), (ParticipantField.admissionDate.rawValue, .admission),
            (ParticipantState.conditionID, .condition), (ParticipantState.period, .period),
            (ParticipantState.isTransition, .transition), (ParticipantState.isInPrimary, .primary),
            (ParticipantState.flags, .flags), (ParticipantState.deleted, .deleted),
        ]
        for id in baselineIDs { entries.append((id, .baseline(id))) }
        for field in ParticipantField.outcomes { entries.append((field.rawValue, .outcome(field))) }
        keys = entries.sorted { $0.0 < $1.0 }.map { (ParticipantState.quote($0.0) + ":", $0.1) }
    }

    /// The participant's state as JSON with sorted keys, given its outcome values as
    /// `ParticipantState.outcomeValues` returns them; `nil` when the layout does not cover its baseline keys.
    func json(of participant: StoredParticipant, outcomes: [(ParticipantField, String?)]) -> String? {
        let enrollment = participant.enrollment
        let record = enrollment.record
        var text = "{"
        text.reserveCapacity(512)
        var baselineSeen = 0
        var first = true
        for (quoted, source) in keys {
            let value: String?
            switch source {
            case .site: value = record.siteID
            case .admission: value = record.admissionDate.iso
            case .condition: value = enrollment.conditionID
            case .period: value = String(enrollment.period)
            case .transition: value = enrollment.isTransition ? "1" : "0"
            case .primary: value = enrollment.isInPrimaryAnalysis ? "1" : "0"
            case .flags: value = participant.flags.isEmpty ? nil : ParticipantState.flagText(participant.flags)
            case .deleted: value = participant.isDeleted ? "1" : nil
            case .baseline(let id):
                value = record.baseline[id]
                if value != nil { baselineSeen += 1 }
            case .outcome(let field): value = outcomes.first { $0.0 == field }?.1 ?? nil
            }
            guard let value else { continue }
            if first { first = false } else { text += "," }
            text += quoted
            text += ParticipantState.quote(value)
        }
        guard baselineSeen == record.baseline.count else { return nil }
        return text + "}"
    }
}
