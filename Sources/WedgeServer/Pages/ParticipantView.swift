// SPDX-License-Identifier: Apache-2.0

import WedgeCore
import WedgeStore

/// A participant as the pages show it: identity, the stamped condition, the outcomes in the order they happen,
/// flags, and the version a form carries back (the API's `ETag`).
enum ParticipantView {
    /// What a list row shows of `participant`: identity, the stamped condition, initiation and state.
    static func summary(_ participant: VersionedParticipant, _ proto: StudyProtocol) -> [String: Any] {
        let enrollment = participant.enrollment, record = enrollment.record, outcome = record.outcome
        return [
            "id": record.id, "site": record.siteID, "site_name": proto.site(id: record.siteID)?.name ?? record.siteID,
            "admission_date": record.admissionDate.iso,
            "condition": proto.condition(id: enrollment.conditionID)?.label ?? enrollment.conditionID,
            "period": enrollment.period + 1, "transition": enrollment.isTransition,
            "deleted": participant.isDeleted, "version": participant.version,
            "flags": participant.flags.map(\.rawValue), "has_flags": !participant.flags.isEmpty,
            "initiated": outcome.firstInjectionDate?.iso ?? (outcome.notInitiatedReason != nil ? "not initiated" : "—"),
        ]
    }

    /// The template data of `participant`'s own pages: the summary, baseline, outcomes and timeline.
    static func data(_ participant: VersionedParticipant, _ proto: StudyProtocol) -> [String: Any] {
        let record = participant.enrollment.record
        let outcomes = ParticipantState.outcomeValues(record.outcome).map { field, value -> [String: Any] in
            ["field": field.rawValue, "label": FieldLabels.label(field.rawValue),
             "value": value.map { display(field, $0, proto) } ?? "", "empty": value == nil]
        }
        return summary(participant, proto).merging([
            "baseline": proto.baseline.map { covariate -> [String: Any] in
                ["label": covariate.label, "value": record.baseline[covariate.id] ?? "—"]
            },
            "outcomes": outcomes, "events": timeline(record, proto),
        ]) { $1 }
    }

    /// The dated events in order: admission, then each outcome date with its label.
    static func timeline(_ record: ParticipantRecord, _ proto: StudyProtocol) -> [[String: Any]] {
        var events: [(CivilDate, Int, String)] = [(record.admissionDate, 0, "Admitted")]
        for (index, (field, path)) in ParticipantField.outcomeDates.enumerated() {
            if let date = record.outcome[keyPath: path] { events.append((date, index + 1, FieldLabels.label(field.rawValue))) }
        }
        if let reason = record.outcome.notInitiatedReason {
            events.append((record.outcome.dischargeDate ?? record.admissionDate, 99,
                           "Not initiated: " + display(.notInitiatedReason, reason, proto)))
        }
        return events.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { ["date": $0.0.iso, "what": $0.2] }
    }

    /// A stored value in words: a condition's or reason's label, else the value.
    static func display(_ field: ParticipantField, _ value: String, _ proto: StudyProtocol) -> String {
        switch field {
        case .procedureReceived: proto.condition(id: value)?.label ?? value
        case .notInitiatedReason: proto.outcomes.nonInitiationReasons.first { $0.id == value }?.label ?? value
        default: value
        }
    }
}
