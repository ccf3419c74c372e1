// SPDX-License-Identifier: Apache-2.0

import Logging
import PostgresNIO
import WedgeCore
import WedgeStore

/// The rows one transaction writes, collected first and then sent together: new rows by COPY, one table at a time;
/// changed participants by UPDATE (their baseline values and flags are deleted and copied again, as SQLite's
/// engine replaces them).
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

    /// Records the new state of a participant (one inserted in this batch is simply replaced in it).
    mutating func replace(_ participant: StoredParticipant) {
        if let index = insertedIndex[participant.id] {
            inserted[index] = participant
        } else {
            if replaced[participant.id] == nil { replacedOrder.append(participant.id) }
            replaced[participant.id] = participant
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
        var participants = CopyText(), inductions = CopyText()
        for participant in inserted {
            let e = participant.enrollment, r = e.record
            participants.add([.text(r.id), .text(r.siteID), .text(r.admissionDate.iso), .text(e.conditionID),
                              .int(Int64(e.period)), .bool(e.isTransition), .bool(e.isInPrimaryAnalysis),
                              .bool(participant.isDeleted)])
            inductions.add([.text(r.id)] + ParticipantState.outcomeValues(r.outcome).map { .optional($0.1) })
        }
        try await copy(participants, into: "participant", ["id", "site_id", "admission_date", "condition_id", "period",
                                                          "is_transition", "is_in_primary", "is_deleted"], connection, logger)
        try await copy(inductions, into: "induction", ["participant_id"] + ParticipantColumns.outcomeColumns,
                       connection, logger)
        try await update(replacedOrder.map { replaced[$0]! }, connection, logger)
        var baseline = CopyText(), flags = CopyText()
        for participant in inserted + replacedOrder.map({ replaced[$0]! }) {
            for (covariate, value) in participant.enrollment.record.baseline.sorted(by: { $0.key < $1.key }) {
                baseline.add([.text(participant.id), .text(covariate), .text(value)])
            }
            for flag in participant.flags { flags.add([.text(participant.id), .text(flag.rawValue)]) }
        }
        try await copy(baseline, into: "baseline_value", ["participant_id", "covariate", "value"], connection, logger)
        try await copy(flags, into: "participant_flag", ["participant_id", "flag"], connection, logger)
        var events = CopyText()
        for event in adverseEvents {
            events.add([.int(event.id ?? 0), .text(event.participantID), .text(event.date), .text(event.description),
                        .bool(event.serious)])
        }
        try await copy(events, into: "adverse_event", ["id", "participant_id", "date", "description", "serious"],
                       connection, logger)
        var screeningRows = CopyText()
        for record in screenings {
            let e = record.entry
            screeningRows.add([.text(e.id), .text(e.siteID), .text(e.screeningDate.iso), .bool(e.isEligible),
                               .optional(e.ineligibleReason), e.consented.map { CopyField.bool($0) } ?? .null,
                               .text(record.conditionID), .int(Int64(record.period)), .optional(e.participantID),
                               .bool(record.isDeleted)])
        }
        try await copy(screeningRows, into: "screening", ["id", "site_id", "screening_date", "eligible", "ineligible_reason",
                                                          "consented", "condition_id", "period", "participant_id",
                                                          "is_deleted"], connection, logger)
        for id in replacedScreeningOrder {
            let record = replacedScreenings[id]!, e = record.entry
            try await connection.query("""
                UPDATE screening SET site_id = \(e.siteID), screening_date = \(e.screeningDate.iso),
                    eligible = \(e.isEligible), ineligible_reason = \(e.ineligibleReason), consented = \(e.consented),
                    condition_id = \(record.conditionID), period = \(record.period), participant_id = \(e.participantID),
                    is_deleted = \(record.isDeleted)
                WHERE id = \(e.id)
                """, logger: logger)
        }
        var entries = CopyText()
        for entry in audit {
            entries.add([.int(entry.id), .text(entry.at), .text(entry.actor), .text(entry.action.rawValue),
                         .text(entry.table), .optional(entry.recordID), .optional(entry.field),
                         .optional(entry.oldValue), .optional(entry.newValue), .optional(entry.reason),
                         .text(entry.previousHash), .text(entry.hash)])
        }
        try await copy(entries, into: "audit_log", ["id", "at", "actor", "action", "table_name", "record_id", "field",
                                                    "old_value", "new_value", "reason", "prev_hash", "hash"],
                       connection, logger)
    }

    /// Overwrites stored participants' rows and outcomes, and removes their baseline values and flags (copied again
    /// afterwards): four statements whatever their number, the new values sent as one JSON array each
    /// (`jsonb_to_recordset`), so that a group commit of many changes costs four round trips, not four per change.
    private func update(_ participants: [StoredParticipant], _ connection: PostgresConnection, _ logger: Logger) async throws {
        guard !participants.isEmpty else { return }
        let rows = JSONValue.array(participants.map { participant in
            let e = participant.enrollment, r = e.record
            return .object([("id", .string(r.id)), ("site_id", .string(r.siteID)),
                            ("admission_date", .string(r.admissionDate.iso)), ("condition_id", .string(e.conditionID)),
                            ("period", .int(e.period)), ("is_transition", .bool(e.isTransition)),
                            ("is_in_primary", .bool(e.isInPrimaryAnalysis)), ("is_deleted", .bool(participant.isDeleted))]
                           + ParticipantState.outcomeValues(r.outcome).map { ($0.0.rawValue, JSONValue.optional($0.1)) })
        }).serialized()
        let outcomes = ParticipantColumns.outcomeColumns
        try await connection.query("""
            UPDATE participant AS p SET site_id = v.site_id, admission_date = v.admission_date,
                condition_id = v.condition_id, period = v.period, is_transition = v.is_transition,
                is_in_primary = v.is_in_primary, is_deleted = v.is_deleted
            FROM jsonb_to_recordset(\(rows)::jsonb) AS v(id TEXT, site_id TEXT, admission_date TEXT, condition_id TEXT,
                period INTEGER, is_transition BOOLEAN, is_in_primary BOOLEAN, is_deleted BOOLEAN)
            WHERE p.id = v.id
            """, logger: logger)
        let assignments = outcomes.map { "\($0) = v.\($0)" }.joined(separator: ", ")
        let columns = outcomes.map { "\($0) TEXT" }.joined(separator: ", ")
        try await connection.query("""
            UPDATE induction AS i SET \(unescaped: assignments)
            FROM jsonb_to_recordset(\(rows)::jsonb) AS v(id TEXT, \(unescaped: columns))
            WHERE i.participant_id = v.id
            """, logger: logger)
        let ids = participants.map(\.id)
        try await connection.query("DELETE FROM baseline_value WHERE participant_id = ANY(\(ids))", logger: logger)
        try await connection.query("DELETE FROM participant_flag WHERE participant_id = ANY(\(ids))", logger: logger)
    }

    /// `COPY table (columns) FROM STDIN` with `rows`, in chunks of about 1 MiB; nothing when there are no rows.
    private func copy(
        _ rows: CopyText, into table: String, _ columns: [String], _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        guard rows.rows > 0 else { return }
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            var buffer = rows.buffer
            while buffer.readableBytes > 0 {
                let chunk = buffer.readSlice(length: min(buffer.readableBytes, 1 << 20))!
                try await writer.write(chunk)
            }
        }
    }
}
