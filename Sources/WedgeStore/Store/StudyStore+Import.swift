// SPDX-License-Identifier: Apache-2.0

import GRDB
public import WedgeCore

extension StudyStore {
    /// Stores validated participants, all or nothing, with an audit entry for the batch and one per participant.
    ///
    /// The rows are expected to come from ``WedgeCore/ParticipantImport/validate(_:file:schedule:today:)`` (or
    /// ``WedgeCore/ParticipantRules``). The store checks every row, and writes nothing unless all pass, that no
    /// participant id is already in the database (soft-deleted ones included) or repeated in `rows`, that every stamped condition,
    /// period and transition flag agrees with the stored schedule, and that baseline values name protocol
    /// covariates. Each participant's audit entry holds its full stored state, so that the log can be replayed
    /// (see ``verifyAuditChain()``).
    ///
    /// Everything happens in one transaction with cached prepared statements and a larger page cache
    /// (``bulkCacheKiB``); 100,000 rows take a few seconds.
    ///
    /// - Parameters:
    ///   - rows: The enrollments with their review flags.
    ///   - source: Where the rows came from, such as a file name; recorded in the audit log and quoted in errors.
    ///   - actor: Who imports them.
    /// - Throws: ``StoreError/dataRejected(_:)`` listing every refused row (nothing written);
    ///   ``StoreError/actorRequired``; a wrapped SQLite error.
    public func importParticipants(
        _ rows: [(enrollment: Enrollment, flags: [OutcomeFlag])], source: String, actor: String
    ) throws(StoreError) {
        _ = try importParticipants(rows, source: source, actor: actor, mode: .allOrNothing)
    }

    /// Stores validated participants: all or nothing, as ``importParticipants(_:source:actor:)`` does, or, with
    /// ``EventImportMode/skipInvalid``, every row that passes, listing the problems of the others.
    ///
    /// An all-or-nothing import writes its batch `import` audit entry first; an import of the valid rows only
    /// writes it last (only then is the count known), and only when it stored anything.
    ///
    /// - Returns: How many participants were stored, and the problems of the refused rows.
    /// - Throws: ``StoreError/dataRejected(_:)`` listing every refused row (all or nothing; nothing written);
    ///   ``StoreError/actorRequired``; a wrapped SQLite error.
    public func importParticipants(
        _ rows: [(enrollment: Enrollment, flags: [OutcomeFlag])], source: String, actor: String, mode: EventImportMode
    ) throws(StoreError) -> ParticipantImportResult {
        guard !actor.isBlank else { throw .actorRequired }
        guard !rows.isEmpty else { return ParticipantImportResult(stored: 0, refused: []) }
        let at = clock()
        return try bulkWrite("import participants") { db in
            var session = try ImportSession(db, source: source, at: at, actor: actor)
            if mode == .allOrNothing { try session.audit.append(session.checker.batchChange(count: rows.count)) }
            // Rows are checked and written in one pass; any problem throws at the end, which rolls back the
            // transaction, so nothing is written unless every row passes.
            var issues: [DataIssue] = []
            for (enrollment, flags) in rows {
                issues += try session.store(db, enrollment, flags: flags, checkRepeats: true)
            }
            if mode == .allOrNothing, !issues.isEmpty { throw DataFileError(issues: issues) }
            if mode == .skipInvalid, session.stored > 0 {
                try session.audit.append(session.checker.batchChange(count: session.stored))
            }
            return ParticipantImportResult(stored: session.stored, refused: issues)
        }
    }
}
