// SPDX-License-Identifier: Apache-2.0

import PostgresNIO
public import WedgeCore
public import WedgeStore

extension PostgresStudyStore {
    /// Stores validated participants: all or nothing, or the valid rows only (see
    /// ``WedgeStore/StudyStore/importParticipants(_:source:actor:mode:)``), in one transaction.
    ///
    /// Each row is checked with the SQLite engine's checker (`ImportRowChecker`); which ids are already stored is
    /// asked once for the whole batch, and the accepted rows, their audit entries and the batch entry are sent with
    /// COPY, one table at a time.
    public func importParticipants(
        _ rows: [(enrollment: Enrollment, flags: [OutcomeFlag])], source: String, actor: String, mode: EventImportMode
    ) async throws(StoreError) -> ParticipantImportResult {
        guard !actor.isBlank else { throw .actorRequired }
        guard !rows.isEmpty else { return ParticipantImportResult(stored: 0, refused: []) }
        let at = clock(), pool = connection, schedule = schedule
        let rows = rows.map { ImportRow(enrollment: $0.enrollment, flags: $0.flags) }
        return try await pool.transaction("import participants", write: true) { connection in
            let logger = pool.logger
            let stored = try await PostgresReads.storedIDs(connection, among: rows.map(\.enrollment.record.id),
                                                           logger: logger)
            let head = try await PostgresReads.auditHead(connection, logger: logger)
            var chain = AuditChainHead(lastID: head?.id, lastHash: head?.hash, at: at, actor: actor)
            var checker = ImportRowChecker(schedule: schedule, source: source)
            var batch = PostgresWriteBatch()
            if mode == .allOrNothing { batch.audit.append(chain.next(checker.batchChange(count: rows.count))) }
            var issues: [DataIssue] = []
            for row in rows {
                switch checker.check(row.enrollment, flags: row.flags, checkRepeats: true, isStored: stored.contains) {
                case .failure(let refused):
                    issues += refused.issues
                case .success(let (participant, _)) where stored.contains(participant.id):
                    issues.append(checker.alreadyStored(participant.id))
                case .success(let (participant, outcomes)):
                    batch.insert(participant)
                    batch.audit.append(chain.next(checker.insertChange(participant, outcomes: outcomes)))
                }
            }
            if mode == .allOrNothing, !issues.isEmpty { throw DataFileError(issues: issues) }
            if mode == .skipInvalid, !batch.inserted.isEmpty {
                batch.audit.append(chain.next(checker.batchChange(count: batch.inserted.count)))
            }
            try await batch.write(connection, logger: logger)
            return ParticipantImportResult(stored: batch.inserted.count, refused: issues)
        }
    }
}

/// One row of an import, as a `Sendable` value.
private struct ImportRow: Sendable {
    var enrollment: Enrollment
    var flags: [OutcomeFlag]
}
