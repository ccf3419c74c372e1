// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

extension StudyTransaction {
    /// Fills empty outcome fields of one stored participant: what
    /// ``StudyStore/recordOutcomes(participantID:_:actor:today:)`` does for one participant and an event import
    /// does for each.
    ///
    /// Every check runs before anything is written: the participant exists and is not deleted; each value has its
    /// field's form; no field already holds a *different* value; the completed record passes
    /// ``WedgeCore/ParticipantRules``. Then the participant is replaced, with one `record` audit entry per filled
    /// field and a `restamp` entry per derived change.
    ///
    /// - Parameter write: `false` to run the checks only (to list every problem of a participant whose events are
    ///   refused anyway).
    /// - Returns: The enrollment as stored afterwards, its review flags, and the fields filled (in column order;
    ///   empty, and nothing written, when every value was already recorded).
    package mutating func fillOutcomes(
        participantID: String, _ values: [ParticipantField: String], rules: ParticipantRules, write: Bool = true
    ) throws -> (enrollment: Enrollment, flags: [OutcomeFlag], recorded: [ParticipantField]) {
        let old = try changeableParticipant(participantID)
        var record = old.enrollment.record
        var issues: [DataIssue] = []
        for field in ParticipantField.outcomes {
            guard let raw = values[field] else { continue }
            do {
                record = try StudyStore.record(record, setting: field.rawValue, to: raw, protocol: rules.schedule.protocol)
            } catch let error as DataFileError {
                issues += error.issues
            }
        }
        guard issues.isEmpty else { throw DataFileError(issues: issues) }
        let before = old.state
        let filled = ParticipantField.outcomes.filter { field in
            values[field] != nil && before[field.rawValue] == nil
        }
        for (field, proposed) in ParticipantState.outcomeValues(record.outcome) where values[field] != nil {
            if let previous = before[field.rawValue], previous != proposed {
                throw StoreError.alreadyRecorded(participantID: participantID, field: field.rawValue)
            }
        }
        let enrollment = try rules.enroll(record).get()
        let new = StoredParticipant(enrollment: enrollment, flags: rules.flags(enrollment), isDeleted: false)
        guard write, !filled.isEmpty else { return (old.enrollment, old.flags, write ? [] : filled) }
        let after = new.state
        try replace(new)
        for field in filled {
            try append(AuditChange(action: .record, table: StudyStore.table(of: field.rawValue), recordID: participantID,
                                   field: field.rawValue, newValue: after[field.rawValue]))
        }
        let filledKeys = Set(filled.map(\.rawValue))
        try appendRestamps(participantID, before: before, after: after, except: filledKeys,
                           reason: "recomputed after recording")
        return (enrollment, new.flags, filled)
    }

    /// One `restamp` entry per state key, other than `except`, whose value changed from `before` to `after`.
    package mutating func appendRestamps(
        _ participantID: String, before: [String: String], after: [String: String], except: Set<String>,
        reason: String
    ) throws {
        for key in Set(before.keys).union(after.keys).sorted() where !except.contains(key) && before[key] != after[key] {
            try append(AuditChange(action: .restamp, table: StudyStore.table(of: key), recordID: participantID,
                                   field: key, oldValue: before[key], newValue: after[key], reason: reason))
        }
    }
}
