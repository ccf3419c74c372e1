// SPDX-License-Identifier: Apache-2.0

import Logging
import PostgresNIO
import WedgeCore
import WedgeStore

/// The rows one transaction writes, collected first and then sent together. A group commit's few rows go as one
/// statement (``WriteStatement``): new rows inserted, and for each participant changed, the differences between
/// it as read and as written (its row and outcomes updated; baseline values and flags added, changed or removed).
/// An import's or a copy's many new rows go by COPY, one table at a time (``copyThreshold``).
struct PostgresWriteBatch {
    /// The study row, when a study is created or copied.
    var study: StudyRow?
    /// Its sites.
    var sites: [SiteRow] = []
    /// New participants, in order.
    var inserted: [StoredParticipant] = []
    /// Participants changed (by id) and the order they were first changed in.
    var replaced: [String: StoredParticipant] = [:]
    private var replacedOrder: [String] = []
    /// The changed participants as they were read, before this transaction changed them (by id).
    private var originals: [String: StoredParticipant] = [:]
    /// New adverse events, with their ids.
    var adverseEvents: [AdverseEventRow] = []
    /// New audit entries, chained.
    var audit: [AuditEntry] = []
    private var insertedIndex: [String: Int] = [:]
    /// New screenings, in order.
    var screenings: [ScreeningRecord] = []
    private var screeningIndex: [String: Int] = [:]
    /// Screenings changed (by id), and the order they were first changed in.
    private var replacedScreenings: [String: ScreeningRecord] = [:]
    private var replacedScreeningOrder: [String] = []
    /// Answers of idempotency keys, stored with the writes they answer.
    var answers: [(username: String, key: String, status: Int, response: String)] = []

    /// New rows beyond which they are sent by COPY rather than in the one statement: COPY costs two round trips
    /// a table but streams any number of rows; a group commit writes tens to hundreds.
    static let copyThreshold = 1_000

    /// Adds a new screening.
    mutating func insertScreening(_ record: ScreeningRecord) {
        screeningIndex[record.id] = screenings.count
        screenings.append(record)
    }

    /// Records the new state of a screening (one inserted in this batch is simply replaced in it).
    mutating func replaceScreening(_ record: ScreeningRecord) {
        if let index = screeningIndex[record.id] {
            screenings[index] = record
        } else {
            if replacedScreenings[record.id] == nil { replacedScreeningOrder.append(record.id) }
            replacedScreenings[record.id] = record
        }
    }

    /// Adds a new participant.
    mutating func insert(_ participant: StoredParticipant) {
        insertedIndex[participant.id] = inserted.count
        inserted.append(participant)
    }

    /// Records the new state of a participant (one inserted in this batch is simply replaced in it). `original`
    /// is the participant as stored, before this transaction (only the first change's is kept).
    mutating func replace(_ participant: StoredParticipant, original: StoredParticipant) {
        if let index = insertedIndex[participant.id] {
            inserted[index] = participant
        } else {
            if replaced[participant.id] == nil {
                replacedOrder.append(participant.id)
                originals[participant.id] = original
            }
            replaced[participant.id] = participant
        }
    }

    /// Sends every row on `connection` outside a transaction block, as ``ChainWriter`` does: as one statement,
    /// which PostgreSQL runs and commits atomically, when it can; otherwise (the study's rows, or enough new rows for
    /// COPY) as ``write(_:logger:)`` inside `BEGIN` and `COMMIT`.
    func commit(_ connection: PostgresConnection, logger: Logger) async throws {
        let statement = staged()
        if study == nil, statement.insertedRows <= Self.copyThreshold {
            try await statement.run(connection, logger: logger)
        } else {
            let batch = self
            try await PostgresConnectionPool.run(write: true, lock: false, on: connection, logger: logger) { connection in
                try await batch.write(connection, logger: logger)
            }
        }
    }

    /// Sends every row on `connection`, inside the caller's transaction.
    func write(_ connection: PostgresConnection, logger: Logger) async throws {
        if let study {
            try await connection.query("""
                INSERT INTO study (id, title, protocol_text, protocol_digest, seed, algorithm, wedge_version, created_at)
                VALUES (\(study.id), \(study.title), \(study.protocolText), \(study.protocolDigest), \(study.seed),
                        \(study.algorithm), \(study.wedgeVersion), \(study.createdAt))
                """, logger: logger)
            for site in sites {
                try await connection.query("""
                    INSERT INTO site (id, study_id, position, name, sequence_index)
                    VALUES (\(site.id), \(study.id), \(site.position), \(site.name), \(site.sequenceIndex))
                    """, logger: logger)
            }
        }
        var statement = staged()
        if statement.insertedRows > Self.copyThreshold {
            for slot in WriteStatement.Slot.inserts where !statement[slot].isEmpty {
                try await copy(statement[slot], connection, logger)
                statement[slot] = slot.rows
            }
        }
        try await statement.run(connection, logger: logger)
    }

    /// Every row to send, by slot: the new rows, and each changed participant against its original (its row and
    /// outcomes, and its baseline values and flags that changed, were added or were removed), and the changed
    /// screenings.
    private func staged() -> WriteStatement {
        var statement = WriteStatement()
        for participant in inserted {
            statement[.newParticipants].add(Self.participantFields(participant))
            statement[.newInductions].add(Self.inductionFields(participant))
            for (covariate, value) in participant.enrollment.record.baseline.sorted(by: { $0.key < $1.key }) {
                statement[.newBaseline].add([.text(participant.id), .text(covariate), .text(value)])
            }
            for flag in participant.flags { statement[.newFlags].add([.text(participant.id), .text(flag.rawValue)]) }
        }
        for id in replacedOrder {
            let participant = replaced[id]!, original = originals[id]
            statement[.changedParticipants].add(Self.participantFields(participant))
            statement[.changedInductions].add(Self.inductionFields(participant))
            let old = original?.enrollment.record.baseline ?? [:], new = participant.enrollment.record.baseline
            for (covariate, value) in new.sorted(by: { $0.key < $1.key }) {
                switch old[covariate] {
                case nil: statement[.newBaseline].add([.text(id), .text(covariate), .text(value)])
                case value: break
                default: statement[.changedBaseline].add([.text(id), .text(covariate), .text(value)])
                }
            }
            for covariate in old.keys.sorted() where new[covariate] == nil {
                statement[.removedBaseline].add([.text(id), .text(covariate)])
            }
            let oldFlags = Set((original?.flags ?? []).map(\.rawValue)), newFlags = Set(participant.flags.map(\.rawValue))
            for flag in newFlags.subtracting(oldFlags).sorted() { statement[.newFlags].add([.text(id), .text(flag)]) }
            for flag in oldFlags.subtracting(newFlags).sorted() { statement[.removedFlags].add([.text(id), .text(flag)]) }
        }
        for event in adverseEvents {
            statement[.newAdverseEvents].add([.int(event.id ?? 0), .text(event.participantID), .text(event.date),
                                              .text(event.description), .bool(event.serious)])
        }
        for record in screenings { statement[.newScreenings].add(Self.screeningFields(record)) }
        for id in replacedScreeningOrder { statement[.changedScreenings].add(Self.screeningFields(replacedScreenings[id]!)) }
        for answer in answers {
            statement[.answeredKeys].add([.text(answer.username), .text(answer.key), .int(Int64(answer.status)),
                                          .text(answer.response)])
        }
        for entry in audit {
            statement[.newAudit].add([.int(entry.id), .text(entry.at), .text(entry.actor), .text(entry.action.rawValue),
                                      .text(entry.table), .optional(entry.recordID), .optional(entry.field),
                                      .optional(entry.oldValue), .optional(entry.newValue), .optional(entry.reason),
                                      .text(entry.previousHash), .text(entry.hash)])
        }
        return statement
    }

    private static func participantFields(_ participant: StoredParticipant) -> [CopyField] {
        let e = participant.enrollment, r = e.record
        return [.text(r.id), .text(r.siteID), .text(r.admissionDate.iso), .text(e.conditionID), .int(Int64(e.period)),
                .bool(e.isTransition), .bool(e.isInPrimaryAnalysis), .bool(participant.isDeleted)]
    }

    private static func inductionFields(_ participant: StoredParticipant) -> [CopyField] {
        [.text(participant.id)] + ParticipantState.outcomeValues(participant.enrollment.record.outcome).map { .optional($0.1) }
    }

    private static func screeningFields(_ record: ScreeningRecord) -> [CopyField] {
        let e = record.entry
        return [.text(e.id), .text(e.siteID), .text(e.screeningDate.iso), .bool(e.isEligible), .optional(e.ineligibleReason),
                e.consented.map { CopyField.bool($0) } ?? .null, .text(record.conditionID), .int(Int64(record.period)),
                .optional(e.participantID), .bool(record.isDeleted)]
    }

    /// `COPY table (columns) FROM STDIN` with `rows`, in chunks of about 1 MiB.
    private func copy(_ rows: TableRows, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.copyFrom(table: rows.table, columns: rows.columns, logger: logger) { writer in
            var buffer = rows.copyText.buffer
            while buffer.readableBytes > 0 {
                let chunk = buffer.readSlice(length: min(buffer.readableBytes, 1 << 20))!
                try await writer.write(chunk)
            }
        }
    }
}
