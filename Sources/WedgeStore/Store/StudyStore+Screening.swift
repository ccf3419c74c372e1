// SPDX-License-Identifier: Apache-2.0

import GRDB
public import WedgeCore

extension StudyStore {
    /// Records one screened person: checks the entry, stamps the condition and period in effect at the site on the
    /// screening date from the stored schedule, and stores it with an `insert` audit entry, in one transaction.
    ///
    /// - Parameters:
    ///   - entry: The screening as entered; a participant link, if given, must satisfy the link rules of
    ///     ``linkScreening(screeningID:participantID:actor:)``.
    ///   - actor: Who screens; required.
    ///   - today: The entry date: the screening date may not be later.
    /// - Returns: The stored, stamped screening.
    /// - Throws: ``StoreError/actorRequired``; ``StoreError/dataRejected(_:)`` when the entry breaks a rule of
    ///   ``WedgeCore/ScreeningRules`` or a link rule, or its id is already stored; a wrapped SQLite error.
    public func screen(_ entry: ScreeningEntry, actor: String, today: CivilDate) throws(StoreError) -> ScreeningRecord {
        guard !actor.isBlank else { throw .actorRequired }
        let at = clock()
        return try write("screen '\(entry.id)'") { db in
            var transaction = SQLiteStudyTransaction(db, at: at, actor: actor)
            return try transaction.screen(entry, today: today)
        }
    }

    /// The screenings that are not deleted, of one site (every site when `siteID` is `nil`), ordered by id.
    public func screenings(siteID: String?) throws(StoreError) -> [ScreeningRecord] {
        try read("read the screening log") { db in try ScreeningTables.fetchAll(db, siteID: siteID, includeDeleted: false) }
    }

    /// Links an enrolled participant to the screening they were enrolled from, with a `record` audit entry.
    ///
    /// The participant must be enrolled (not deleted) at the screening's site, the screening eligible and consented
    /// and not deleted, and neither may be linked already.
    ///
    /// - Throws: ``StoreError/actorRequired``, ``StoreError/screeningNotFound(id:)``,
    ///   ``StoreError/screeningDeleted(id:)``, ``StoreError/dataRejected(_:)`` for a broken link rule; a wrapped
    ///   SQLite error.
    public func linkScreening(screeningID: String, participantID: String, actor: String) throws(StoreError) -> ScreeningRecord {
        guard !actor.isBlank else { throw .actorRequired }
        let at = clock()
        return try write("link screening '\(screeningID)'") { db in
            var transaction = SQLiteStudyTransaction(db, at: at, actor: actor)
            return try transaction.linkScreening(screeningID: screeningID, participantID: participantID)
        }
    }

    /// Corrects fields of a screening (``WedgeCore/ScreeningField/correctable``) with one reason, re-checking the
    /// whole screening and its link; each changed field gets a `correct` audit entry (old → new) and a changed
    /// condition or period a `restamp` entry.
    ///
    /// - Parameters:
    ///   - values: The new values as written in a screening file; an empty text makes the field empty.
    /// - Throws: ``StoreError/screeningReasonRequired(screeningID:)``, ``StoreError/actorRequired``,
    ///   ``StoreError/screeningNotFound(id:)``, ``StoreError/screeningDeleted(id:)``,
    ///   ``StoreError/fieldNotCorrectable(field:)``, ``StoreError/dataRejected(_:)``; a wrapped SQLite error.
    public func correctScreening(
        screeningID: String, _ values: [ScreeningField: String], reason: String, actor: String, today: CivilDate
    ) throws(StoreError) -> ScreeningRecord {
        guard !actor.isBlank else { throw .actorRequired }
        let at = clock()
        return try write("correct screening '\(screeningID)'") { db in
            var transaction = SQLiteStudyTransaction(db, at: at, actor: actor)
            return try transaction.correctScreening(screeningID: screeningID, values, reason: reason, today: today)
        }
    }

    /// Soft-deletes a screening, with a reason: the row stays, marked deleted, and leaves every snapshot.
    ///
    /// - Throws: ``StoreError/screeningReasonRequired(screeningID:)``, ``StoreError/actorRequired``,
    ///   ``StoreError/screeningNotFound(id:)``, ``StoreError/screeningDeleted(id:)``; a wrapped SQLite error.
    public func softDeleteScreening(screeningID: String, reason: String, actor: String) throws(StoreError) {
        guard !actor.isBlank else { throw .actorRequired }
        let at = clock()
        try write("delete screening '\(screeningID)'") { db in
            var transaction = SQLiteStudyTransaction(db, at: at, actor: actor)
            try transaction.softDeleteScreening(screeningID: screeningID, reason: reason)
        }
    }

    /// Imports a screening log (rows as ``WedgeCore/ScreeningFileReader`` reads them) in one transaction: all or
    /// nothing, or the valid rows only; every refused row's problems name the file, line, screening and field.
    ///
    /// - Throws: ``StoreError/actorRequired``; ``StoreError/dataRejected(_:)`` (all or nothing: nothing written); a
    ///   wrapped SQLite error.
    public func importScreenings(
        _ rows: [(line: Int, row: Result<ScreeningEntry, DataFileError>)], source: String, actor: String,
        today: CivilDate, mode: EventImportMode
    ) throws(StoreError) -> ParticipantImportResult {
        guard !actor.isBlank else { throw .actorRequired }
        let at = clock()
        return try write("import screenings") { db in
            var transaction = SQLiteStudyTransaction(db, at: at, actor: actor)
            return try transaction.importScreenings(rows, source: source, today: today, mode: mode)
        }
    }
}
