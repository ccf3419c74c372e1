// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// A study database, whatever engine holds it: everything the command line and the server do with a study.
///
/// Two engines conform: ``StudyStore``, the embedded SQLite default, and `PostgresStudyStore` (module
/// `WedgeStorePostgres`), for several server instances sharing one database. The write logic is the same code on
/// both (``StudyTransaction``), the audit chain is hashed from the same canonical bytes, and one conformance suite
/// runs against both. Methods are `async` so that a server can call them without blocking; SQLite's
/// implementations are synchronous and satisfy them as they are.
///
/// Every writing method runs in one transaction: it writes everything it was asked to, with its audit entries, or
/// nothing. Errors are ``StoreError`` values that never quote a participant's data.
public protocol StudyStoring: Sendable {
    /// Where the study lives, for messages: a quoted path, or a PostgreSQL database without its password.
    var location: String { get }

    /// The stored protocol, re-parsed from its stored text, with its digest.
    func fetchProtocol() async throws(StoreError) -> LoadedProtocol
    /// The randomized schedule, rebuilt from the stored protocol, seed, algorithm and site assignments.
    func fetchSchedule() async throws(StoreError) -> Schedule
    /// Everything the analysis needs, in one consistent snapshot; soft-deleted participants are left out.
    func fetchSnapshot(dataLockDate: CivilDate) async throws(StoreError) -> StudySnapshot
    /// The review flags of every enrolled participant that has any, by participant id.
    func fetchFlags() async throws(StoreError) -> [String: [OutcomeFlag]]
    /// How many participants the database holds, soft-deleted ones included.
    func participantCount() async throws(StoreError) -> Int

    /// Enrolls one participant, stamping the condition from the stored schedule.
    func enroll(
        _ record: ParticipantRecord, actor: String, today: CivilDate
    ) async throws(StoreError) -> (enrollment: Enrollment, flags: [OutcomeFlag])
    /// One participant, deleted or not, with its version; `nil` when there is none.
    func participant(_ id: String) async throws(StoreError) -> VersionedParticipant?
    /// The participants that are not deleted, of one site (every site when `siteID` is `nil`), by id, with their
    /// versions.
    func participants(siteID: String?) async throws(StoreError) -> [VersionedParticipant]

    /// Fills empty outcome fields, never overwriting, re-validating the whole record; when `ifVersion` is given,
    /// only if the participant is still at that version (else ``StoreError/versionConflict(participantID:current:participant:)``).
    func recordOutcomes(
        participantID: String, _ values: [ParticipantField: String], actor: String, today: CivilDate,
        ifVersion: Int64?
    ) async throws(StoreError) -> (enrollment: Enrollment, flags: [OutcomeFlag], recorded: [ParticipantField])
    /// Records an adverse event for an enrolled participant.
    func recordAdverseEvent(
        participantID: String, date: CivilDate, description: String, isSerious: Bool, actor: String, today: CivilDate
    ) async throws(StoreError) -> AdverseEvent
    /// Corrects one field, with a reason; the old value stays in the audit log. `ifVersion` as for
    /// ``recordOutcomes(participantID:_:actor:today:ifVersion:)``.
    func correct(
        participantID: String, field: String, value: String?, reason: String, actor: String, today: CivilDate,
        ifVersion: Int64?
    ) async throws(StoreError)
    /// Soft-deletes a participant, with a reason. `ifVersion` as for
    /// ``recordOutcomes(participantID:_:actor:today:ifVersion:)``.
    func softDelete(participantID: String, reason: String, actor: String, ifVersion: Int64?) async throws(StoreError)
    /// Stores validated participants: all or nothing, or the valid ones only.
    func importParticipants(
        _ rows: [(enrollment: Enrollment, flags: [OutcomeFlag])], source: String, actor: String, mode: EventImportMode
    ) async throws(StoreError) -> ParticipantImportResult
    /// Records outcome events for stored participants: all or nothing, or the valid participants only.
    func importOutcomeEvents(
        _ events: [(line: Int, row: Result<OutcomeEvent, DataFileError>)], source: String, actor: String,
        today: CivilDate, mode: EventImportMode
    ) async throws(StoreError) -> OutcomeEventImport

    /// Records one screened person, stamping the condition and period in effect at the site on the screening date
    /// from the stored schedule (as enrollment stamps a participant).
    func screen(_ entry: ScreeningEntry, actor: String, today: CivilDate) async throws(StoreError) -> ScreeningRecord
    /// The screenings that are not deleted, of one site (every site when `siteID` is `nil`), ordered by id.
    func screenings(siteID: String?) async throws(StoreError) -> [ScreeningRecord]
    /// Links an enrolled participant to the screening they were enrolled from: same site, the screening eligible and
    /// consented, neither linked already.
    func linkScreening(screeningID: String, participantID: String, actor: String) async throws(StoreError) -> ScreeningRecord
    /// Corrects fields of a screening with one reason; the old values stay in the audit log.
    func correctScreening(
        screeningID: String, _ values: [ScreeningField: String], reason: String, actor: String, today: CivilDate
    ) async throws(StoreError) -> ScreeningRecord
    /// Soft-deletes a screening, with a reason.
    func softDeleteScreening(screeningID: String, reason: String, actor: String) async throws(StoreError)
    /// Imports a screening log: all or nothing, or the valid rows only.
    func importScreenings(
        _ rows: [(line: Int, row: Result<ScreeningEntry, DataFileError>)], source: String, actor: String,
        today: CivilDate, mode: EventImportMode
    ) async throws(StoreError) -> ParticipantImportResult

    /// Commits `requests` in one transaction, each in isolation: a refused one writes nothing and does not stop the
    /// others (its refusal is its result). Throws only when the transaction as a whole fails, and then nothing of it
    /// was written (or, for ``StoreError/connectionLost(location:operation:outcomeUnknown:)`` with `outcomeUnknown`,
    /// it is not known). A server's group commit: one transaction, one commit, many acknowledged writes.
    func commit(_ requests: [StudyWriteRequest]) async throws(StoreError) -> [Result<StudyWriteResult, StoreError>]
    /// Commits, as ``commit(_:)`` does, the requests `take` returns, calling it once, at the moment the transaction
    /// can write: on PostgreSQL after it holds the audit chain's lock, so that a group that queued for the lock takes
    /// in every request that arrived while it waited. The results are in the order of what `take` returned; an
    /// error thrown before `take` was called means nothing was taken.
    func commit(
        taking take: @escaping @Sendable () async -> [StudyWriteRequest]
    ) async throws(StoreError) -> [Result<StudyWriteResult, StoreError>]
    /// How many ``commit(taking:)`` calls a group committer should keep under way at once: 1 where the engine
    /// writes a group as soon as it is asked (SQLite), 2 where the next group can queue while the current one is
    /// written (PostgreSQL's writer), so that it starts the moment that one is done.
    var concurrentCommits: Int { get }

    /// The audit log, oldest first: all of it, or the entries about one participant.
    func auditTrail(participantID: String?) async throws(StoreError) -> [AuditEntry]
    /// Checks the audit log's hash chain and replays it against the stored data.
    func verifyAuditChain() async throws(StoreError) -> AuditVerification
}

extension StudyStoring {
    /// One writer.
    public var concurrentCommits: Int { 1 }

    /// Takes the requests first, then commits them: with one writer, the group's members are known when its
    /// transaction starts.
    public func commit(
        taking take: @escaping @Sendable () async -> [StudyWriteRequest]
    ) async throws(StoreError) -> [Result<StudyWriteResult, StoreError>] {
        try await commit(await take())
    }

    /// Fills empty outcome fields whatever the participant's version.
    public func recordOutcomes(
        participantID: String, _ values: [ParticipantField: String], actor: String, today: CivilDate
    ) async throws(StoreError) -> (enrollment: Enrollment, flags: [OutcomeFlag], recorded: [ParticipantField]) {
        try await recordOutcomes(participantID: participantID, values, actor: actor, today: today, ifVersion: nil)
    }

    /// Corrects one field whatever the participant's version.
    public func correct(
        participantID: String, field: String, value: String?, reason: String, actor: String, today: CivilDate
    ) async throws(StoreError) {
        try await correct(participantID: participantID, field: field, value: value, reason: reason, actor: actor,
                          today: today, ifVersion: nil)
    }

    /// Soft-deletes a participant whatever its version.
    public func softDelete(participantID: String, reason: String, actor: String) async throws(StoreError) {
        try await softDelete(participantID: participantID, reason: reason, actor: actor, ifVersion: nil)
    }
}
