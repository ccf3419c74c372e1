// SPDX-License-Identifier: Apache-2.0

import PostgresNIO
public import WedgeCore
public import WedgeStore

extension PostgresStudyStore {
    /// Runs one write operation of the shared logic: in a transaction holding the audit chain's lock, reads the
    /// participants `ids` and the audit head, runs `body` on a ``StagedTransaction``, and sends what it staged.
    ///
    /// - Parameters:
    ///   - operation: What is being done, for messages.
    ///   - actor: Who makes the change; required.
    ///   - ids: The participants `body` reads.
    ///   - screeningIDs: The screenings `body` reads; with them, the participants they link, and the screening
    ///     links of every participant read.
    func write<T: Sendable>(
        _ operation: String, actor: String, reading ids: [String], screenings screeningIDs: [String] = [],
        _ body: @escaping @Sendable (inout StagedTransaction) throws -> T
    ) async throws(StoreError) -> T {
        guard !actor.isBlank else { throw .actorRequired }
        let at = clock(), pool = connection, schedule = schedule, location = location
        return try await pool.transaction(operation, write: true) { connection in
            let logger = pool.logger
            // The screenings first: the participants they link are read with the others, so that a link is checked
            // against what is stored inside this transaction.
            let screenings = screeningIDs.isEmpty ? [] : try await PostgresReads.screenings(
                connection, ids: screeningIDs, includeDeleted: true, logger: logger)
            var ids = ids
            for linked in screenings.compactMap(\.participantID) where !ids.contains(linked) { ids.append(linked) }
            let state = try await WriteState.read(connection, ids: ids, logger: logger)
            var staged = StagedTransaction(
                schedule: schedule, participants: state.participants, read: ids,
                head: AuditChainHead(lastID: state.head?.id, lastHash: state.head?.hash, at: at, actor: actor),
                nextAdverseEventID: state.nextAdverseEventID, versions: state.versions,
                location: location, screenings: screenings, screeningsRead: screeningIDs,
                links: screeningIDs.isEmpty ? nil
                    : try await PostgresReads.screeningLinks(connection, participants: ids, logger: logger))
            let result = try body(&staged)
            try await staged.batch.write(connection, logger: logger)
            return result
        }
    }

    /// Enrolls one participant, stamping the condition from the stored schedule (see
    /// ``WedgeStore/StudyStore/enroll(_:actor:today:)``).
    public func enroll(
        _ record: ParticipantRecord, actor: String, today: CivilDate
    ) async throws(StoreError) -> (enrollment: Enrollment, flags: [OutcomeFlag]) {
        let result = try await write("enroll participant '\(record.id)'", actor: actor, reading: [record.id]) { staged in
            let (enrollment, flags) = try staged.enroll(record, today: today)
            return EnrollResult(enrollment: enrollment, flags: flags)
        }
        return (result.enrollment, result.flags)
    }

    /// Fills empty outcome fields (see ``WedgeStore/StudyStore/recordOutcomes(participantID:_:actor:today:ifVersion:)``).
    public func recordOutcomes(
        participantID: String, _ values: [ParticipantField: String], actor: String, today: CivilDate,
        ifVersion: Int64?
    ) async throws(StoreError) -> (enrollment: Enrollment, flags: [OutcomeFlag], recorded: [ParticipantField]) {
        let schedule = schedule
        let result = try await write("record outcomes of participant '\(participantID)'", actor: actor,
                                     reading: [participantID]) { staged in
            try staged.requireVersion(participantID, ifVersion)
            let rules = ParticipantRules(schedule: schedule, today: today)
            let filled = try staged.fillOutcomes(participantID: participantID, values, rules: rules)
            return RecordResult(enrollment: filled.enrollment, flags: filled.flags, recorded: filled.recorded)
        }
        return (result.enrollment, result.flags, result.recorded)
    }

    /// Records an adverse event (see
    /// ``WedgeStore/StudyStore/recordAdverseEvent(participantID:date:description:isSerious:actor:today:)``).
    public func recordAdverseEvent(
        participantID: String, date: CivilDate, description: String, isSerious: Bool, actor: String, today: CivilDate
    ) async throws(StoreError) -> AdverseEvent {
        try await write("record an adverse event of participant '\(participantID)'", actor: actor,
                        reading: [participantID]) { staged in
            try staged.recordAdverseEvent(participantID: participantID, date: date, description: description,
                                          isSerious: isSerious, today: today)
        }
    }

    /// Corrects one field with a reason (see
    /// ``WedgeStore/StudyStore/correct(participantID:field:value:reason:actor:today:ifVersion:)``).
    public func correct(
        participantID: String, field: String, value: String?, reason: String, actor: String, today: CivilDate,
        ifVersion: Int64?
    ) async throws(StoreError) {
        try await write("correct participant '\(participantID)'", actor: actor, reading: [participantID]) { staged in
            try staged.requireVersion(participantID, ifVersion)
            try staged.correct(participantID: participantID, field: field, value: value, reason: reason, today: today)
        }
    }

    /// Soft-deletes a participant with a reason (see ``WedgeStore/StudyStore/softDelete(participantID:reason:actor:ifVersion:)``).
    public func softDelete(
        participantID: String, reason: String, actor: String, ifVersion: Int64?
    ) async throws(StoreError) {
        try await write("delete participant '\(participantID)'", actor: actor, reading: [participantID]) { staged in
            try staged.requireVersion(participantID, ifVersion)
            try staged.softDelete(participantID: participantID, reason: reason)
        }
    }

    /// Records outcome events (see ``WedgeStore/StudyStore/importOutcomeEvents(_:source:actor:today:mode:)``).
    public func importOutcomeEvents(
        _ events: [(line: Int, row: Result<OutcomeEvent, DataFileError>)], source: String, actor: String,
        today: CivilDate, mode: EventImportMode
    ) async throws(StoreError) -> OutcomeEventImport {
        var grouped = EventGroups(source: source)
        for (line, row) in events { grouped.add(row, line: line) }
        let groups = grouped
        return try await write("import outcome events", actor: actor, reading: groups.order) { staged in
            try staged.importEvents(groups, source: source, today: today, mode: mode)
        }
    }
}

/// ``PostgresStudyStore/enroll(_:actor:today:)``'s result, as one `Sendable` value.
private struct EnrollResult: Sendable {
    var enrollment: Enrollment
    var flags: [OutcomeFlag]
}

/// ``PostgresStudyStore/recordOutcomes(participantID:_:actor:today:)``'s result, as one `Sendable` value.
private struct RecordResult: Sendable {
    var enrollment: Enrollment
    var flags: [OutcomeFlag]
    var recorded: [ParticipantField]
}
