// SPDX-License-Identifier: Apache-2.0

import Foundation
package import WedgeCore

/// A participant's stored state as a flat map from field name to canonical text; absent means empty.
///
/// Keys are the data-file column names (`site_id`, `admission_date`, baseline covariate ids, outcome columns)
/// plus the derived fields ``conditionID``, ``period``, ``isTransition``, ``isInPrimary``, ``flags`` and
/// ``deleted``. The audit log stores this map as JSON on insert and records later changes key by key, which is
/// what lets ``StudyStore/verifyAuditChain()`` replay the log and compare it with the tables.
package enum ParticipantState {
    static let conditionID = "condition_id"
    static let period = "period"
    static let isTransition = "is_transition"
    static let isInPrimary = "is_in_primary"
    static let flags = "flags"
    static let deleted = "deleted"

    /// The derived keys; a protocol may not use them as baseline covariate ids.
    static let derivedKeys = [conditionID, period, isTransition, isInPrimary, flags, deleted]

    /// The canonical state of a stored participant.
    static func fields(of enrollment: Enrollment, flags: [OutcomeFlag], isDeleted: Bool) -> [String: String] {
        let record = enrollment.record
        var fields: [String: String] = [
            ParticipantField.siteID.rawValue: record.siteID,
            ParticipantField.admissionDate.rawValue: record.admissionDate.iso,
            conditionID: enrollment.conditionID,
            period: String(enrollment.period),
            isTransition: enrollment.isTransition ? "1" : "0",
            isInPrimary: enrollment.isInPrimaryAnalysis ? "1" : "0",
        ]
        for (key, value) in record.baseline { fields[key] = value }
        for (field, value) in outcomeValues(record.outcome) { fields[field.rawValue] = value }
        if !flags.isEmpty { fields[Self.flags] = flagText(flags) }
        if isDeleted { fields[deleted] = "1" }
        return fields
    }

    /// The outcome columns and their canonical text, `nil` when unknown.
    package static func outcomeValues(_ o: InductionOutcome) -> [(ParticipantField, String?)] {
        [
            (.inductionStartDate, o.inductionStartDate?.iso), (.procedureReceived, o.procedureReceived),
            (.firstInjectionDate, o.firstInjectionDate?.iso), (.notInitiatedReason, o.notInitiatedReason),
            (.dischargeDate, o.dischargeDate?.iso), (.secondInjectionDate, o.secondInjectionDate?.iso),
            (.thirdInjectionDate, o.thirdInjectionDate?.iso), (.lastContactDate, o.lastContactDate?.iso),
            (.dropoutDate, o.dropoutDate?.iso),
        ]
    }

    /// Flags as stored in the state: raw values in ``WedgeCore/OutcomeFlag`` declaration order, comma-separated.
    static func flagText(_ flags: [OutcomeFlag]) -> String {
        OutcomeFlag.allCases.filter(flags.contains).map(\.rawValue).joined(separator: ",")
    }

    /// The state as JSON with sorted keys, the form stored in `audit_log.new_value` on insert.
    static func json(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { quote($0) + ":" + quote(fields[$0]!) }.joined(separator: ",") + "}"
    }

    /// Reads back what ``json(_:)`` wrote, or `nil` when the text is not a JSON object of strings.
    static func parse(json text: String) -> [String: String]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return nil }
        return object as? [String: String]
    }

    /// `text` as a JSON string literal (``WedgeCore/JSONValue/quote(_:into:)``, the escaping every JSON Wedge
    /// writes uses).
    static func quote(_ text: String) -> String {
        var out = ""
        JSONValue.quote(text, into: &out)
        return out
    }
}
