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
    ///   - ifVersion: Write only if the participant is still at this version (``VersionedParticipant``).
    /// - Returns: The enrollment as stored afterwards, its review flags, and the fields actually filled (in
    ///   column order; empty when every value was already recorded).
    /// - Throws: ``StoreError/actorRequired``, ``StoreError/participantNotFound(id:)``,
    ///   ``StoreError/participantDeleted(id:)``, ``StoreError/fieldNotCorrectable(field:)`` for a field that is
    ///   not an outcome, ``StoreError/alreadyRecorded(participantID:field:)``, ``StoreError/dataRejected(_:)``
    ///   listing every malformed value or broken rule; a wrapped SQLite error.
    public func recordOutcomes(
        participantID: String, _ values: [ParticipantField: String], actor: String, today: CivilDate,
        ifVersion: Int64? = nil
    ) throws(StoreError) -> (enrollment: Enrollment, flags: [OutcomeFlag], recorded: [ParticipantField]) {
        guard !actor.isBlank else { throw .actorRequired }
        if let field = values.keys.first(where: { !ParticipantField.outcomes.contains($0) }) {
            throw .fieldNotCorrectable(field: field.rawValue)
        }
        let at = clock()
        return try write("record outcomes of participant '\(participantID)'") { db in
            var transaction = SQLiteStudyTransaction(db, at: at, actor: actor)
            try transaction.requireVersion(participantID, ifVersion)
            let rules = ParticipantRules(schedule: try transaction.schedule(), today: today)
            return try transaction.fillOutcomes(participantID: participantID, values, rules: rules)
        }
    }
}
