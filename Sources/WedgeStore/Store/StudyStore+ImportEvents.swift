// SPDX-License-Identifier: Apache-2.0

import GRDB
public import WedgeCore

extension StudyStore {
    /// Records outcome events from a file (``WedgeCore/OutcomeEventFileReader``) in one transaction.
    ///
    /// Events are grouped by participant, in file order. A malformed row (its problems from the reader) refuses
    /// its participant's other events too. For each participant, the values of its events are
    /// merged (two events giving one field different values refuse the later one), then filled as
    /// ``recordOutcomes(participantID:_:actor:today:)`` fills them: the participant must be stored and not
    /// deleted, no recorded value is overwritten, and the completed record must pass every
    /// ``WedgeCore/ParticipantRules`` rule. Each filled field gets a `record` audit entry; when anything was filled,
    /// one `import` entry names the source. A rule broken by the merged record is reported at the line of the
    /// event that gave the field concerned (or the participant's first event line).
    ///
    /// - Parameters:
    ///   - events: Each row's line and what the reader made of it: an event, or the problems of a malformed row.
    ///   - source: The file, quoted in problems and recorded in the audit log.
    ///   - actor: Who imports; required.
    ///   - today: The entry date: no date may be later.
    ///   - mode: All or nothing, or skip refused participants.
    /// - Returns: The counts, and every refused event (``EventImportMode/skipInvalid``).
    /// - Throws: ``StoreError/dataRejected(_:)`` listing every refused event (``EventImportMode/allOrNothing``,
    ///   nothing written); ``StoreError/actorRequired``; a wrapped SQLite error.
    public func importOutcomeEvents(
        _ events: [(line: Int, row: Result<OutcomeEvent, DataFileError>)], source: String, actor: String, today: CivilDate,
        mode: EventImportMode
    ) throws(StoreError) -> OutcomeEventImport {
        guard !actor.isBlank else { throw .actorRequired }
        let at = clock()
        var grouped = EventGroups(source: source)
        for (line, row) in events { grouped.add(row, line: line) }
        return try bulkWrite("import outcome events") { db in
            var transaction = SQLiteStudyTransaction(db, at: at, actor: actor)
            return try transaction.importEvents(grouped, source: source, today: today, mode: mode)
        }
    }
}
