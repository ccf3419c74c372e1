// SPDX-License-Identifier: Apache-2.0

import GRDB
import WedgeCore

/// One import inside one SQLite write transaction: checks each enrollment (``ImportRowChecker``) and, when it
/// passes, inserts it with its `insert` audit entry.
struct ImportSession {
    /// The checks that need no database.
    private(set) var checker: ImportRowChecker
    /// The audit trail, continued row by row.
    var audit: AuditAppender
    /// How many participants were stored.
    private(set) var stored = 0

    private let writer: ParticipantWriter

    /// Starts an import after the current head of the audit log.
    init(_ db: Database, source: String, at: String, actor: String) throws {
        checker = ImportRowChecker(schedule: try StudyStore.schedule(db), source: source)
        audit = try AuditAppender(db, at: at, actor: actor)
        writer = ParticipantWriter(db)
    }

    /// Checks one enrollment and, if it passes, stores it with its audit entry.
    ///
    /// An id already in the database (soft-deleted participants included) is then the only problem reported; the
    /// existence check is folded into the INSERT (`ON CONFLICT DO NOTHING`), so a valid row costs no extra query.
    ///
    /// - Returns: The problems of the row; empty when it was stored.
    mutating func store(
        _ db: Database, _ enrollment: Enrollment, flags: [OutcomeFlag], checkRepeats: Bool
    ) throws -> [DataIssue] {
        let checked = try checker.check(enrollment, flags: flags, checkRepeats: checkRepeats) { id in
            try ParticipantTables.exists(db, id: id)
        }
        guard case .success(let (participant, outcomes)) = checked else {
            if case .failure(let error) = checked { return error.issues }
            return []
        }
        guard try writer.insert(participant, outcomes: outcomes, onlyIfNew: true) else {
            return [checker.alreadyStored(participant.id)]
        }
        try audit.append(checker.insertChange(participant, outcomes: outcomes))
        stored += 1
        return []
    }
}
