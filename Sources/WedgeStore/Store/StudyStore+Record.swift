// SPDX-License-Identifier: Apache-2.0

import GRDB
public import WedgeCore

extension StudyStore {
    /// Records outcomes: fills outcome fields that are still empty, re-validating the whole record, in one
    /// transaction with one `record` audit entry per filled field.
    ///
    /// Recording never overwrites: a field that already holds a *different* value is refused
    /// (``StoreError/alreadyRecorded(participantID:field:)``), because changing data needs a reason
    /// (``correct(participantID:field:value:reason:actor:today:)``). Giving the value a field already holds is
    /// accepted and writes nothing for that field, so that re-running the same entry is harmless. The completed
    /// record is checked with ``WedgeCore/ParticipantRules`` against the stored schedule; review flags are
    /// recomputed, and each derived change gets a `restamp` entry.
    ///
    /// - Parameters:
    ///   - participantID: The participant.
    ///   - values: The outcome fields to fill, by field, as written in a data file (dates `YYYY-MM-DD`).
    ///   - actor: Who records; required.
    ///   - today: The entry date: no date may be later.
    /// - Returns: The enrollment as stored afterwards, its review flags, and the fields actually filled (in
    ///   column order; empty when every value was already recorded).
    /// - Throws: ``StoreError/actorRequired``, ``StoreError/participantNotFound(id:)``,
    ///   ``StoreError/participantDeleted(id:)``, ``StoreError/fieldNotCorrectable(field:)`` for a field that is
    ///   not an outcome, ``StoreError/alreadyRecorded(participantID:field:)``, ``StoreError/dataRejected(_:)``
    ///   listing every malformed value or broken rule; a wrapped SQLite error.
    public func recordOutcomes(
        participantID: String, _ values: [ParticipantField: String], actor: String, today: CivilDate
    ) throws(StoreError) -> (enrollment: Enrollment, flags: [OutcomeFlag], recorded: [ParticipantField]) {
        guard !actor.isBlank else { throw .actorRequired }
        if let field = values.keys.first(where: { !ParticipantField.outcomes.contains($0) }) {
            throw .fieldNotCorrectable(field: field.rawValue)
        }
        let at = clock()
        return try write("record outcomes of participant '\(participantID)'") { db in
            guard let old = try ParticipantTables.fetchOne(db, id: participantID) else {
                throw StoreError.participantNotFound(id: participantID)
            }
            guard !old.isDeleted else { throw StoreError.participantDeleted(id: participantID) }
            let schedule = try Self.schedule(db)
            var record = old.enrollment.record
            var issues: [DataIssue] = []
            for field in ParticipantField.outcomes {
                guard let raw = values[field] else { continue }
                do {
                    record = try Self.record(record, setting: field.rawValue, to: raw, protocol: schedule.protocol)
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
            let rules = ParticipantRules(schedule: schedule, today: today)
            let enrollment = try rules.enroll(record).get()
            let new = StoredParticipant(enrollment: enrollment, flags: rules.flags(enrollment), isDeleted: false)
            guard !filled.isEmpty else { return (old.enrollment, old.flags, []) }
            let after = new.state
            try ParticipantTables.replace(db, new)
            var audit = try AuditAppender(db, at: at, actor: actor)
            for field in filled {
                try audit.append(db, action: .record, table: Self.table(of: field.rawValue), recordID: participantID,
                                 field: field.rawValue, oldValue: nil, newValue: after[field.rawValue])
            }
            let filledKeys = Set(filled.map(\.rawValue))
            for key in Set(before.keys).union(after.keys).sorted() where !filledKeys.contains(key) && before[key] != after[key] {
                try audit.append(db, action: .restamp, table: Self.table(of: key), recordID: participantID, field: key,
                                 oldValue: before[key], newValue: after[key], reason: "recomputed after recording")
            }
            return (enrollment, new.flags, filled)
        }
    }
}
