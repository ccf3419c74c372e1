// SPDX-License-Identifier: Apache-2.0

import Logging
import PostgresNIO
import WedgeCore
import WedgeStore

/// The reads every engine operation is built from, on one connection inside the caller's transaction. Text is
/// ordered with `COLLATE "C"` (byte order), as SQLite orders it, so that both engines list participants alike.
enum PostgresReads {
    /// The participants with these ids (every participant when `ids` is `nil`), deleted ones only when
    /// `includeDeleted`, by id.
    static func participants(
        _ connection: PostgresConnection, ids: [String]?, includeDeleted: Bool, logger: Logger
    ) async throws -> [StoredParticipant] {
        // Two forms of each query, rather than one with `$all OR id = ANY($ids)`, so that the planner uses the
        // primary keys for a write's few participants.
        let select = "SELECT \(participantColumns) FROM participant p LEFT JOIN induction i ON i.participant_id = p.id"
        let deleted = includeDeleted ? "" : " AND NOT p.is_deleted"
        let rows: PostgresQuery, baselineQuery: PostgresQuery, flagQuery: PostgresQuery
        if let ids {
            rows = "\(unescaped: select) WHERE p.id = ANY(\(ids))\(unescaped: deleted) ORDER BY p.id COLLATE \"C\""
            baselineQuery = "SELECT participant_id, covariate, value FROM baseline_value WHERE participant_id = ANY(\(ids))"
            flagQuery = "SELECT participant_id, flag FROM participant_flag WHERE participant_id = ANY(\(ids))"
        } else {
            rows = "\(unescaped: select) WHERE TRUE\(unescaped: deleted) ORDER BY p.id COLLATE \"C\""
            baselineQuery = "SELECT participant_id, covariate, value FROM baseline_value"
            flagQuery = "SELECT participant_id, flag FROM participant_flag"
        }
        var baseline: [String: [String: String]] = [:]
        for try await (id, covariate, value) in try await connection.query(baselineQuery, logger: logger)
            .decode((String, String, String).self) {
            baseline[id, default: [:]][covariate] = value
        }
        var flags: [String: [String]] = [:]
        for try await (id, flag) in try await connection.query(flagQuery, logger: logger).decode((String, String).self) {
            flags[id, default: []].append(flag)
        }
        var result: [StoredParticipant] = []
        for try await row in try await connection.query(rows, logger: logger) {
            let columns = try participantColumns(row.makeRandomAccess(), from: 0)
            result.append(try StoredParticipant(columns, baseline: baseline[columns.id] ?? [:],
                                                flags: flags[columns.id] ?? []))
        }
        return result
    }

    /// The columns of a participant's row and its induction row (`p` and `i`), in the order
    /// ``participantColumns(_:from:)`` decodes them: ``participantColumnCount`` of them.
    static let participantColumns = """
        p.id, p.site_id, p.admission_date, p.condition_id, p.period, p.is_transition, p.is_in_primary, p.is_deleted, \
        i.participant_id, \(ParticipantColumns.outcomeColumns.map { "i.\($0)" }.joined(separator: ", "))
        """

    /// How many ``participantColumns`` there are.
    static let participantColumnCount = 9 + ParticipantColumns.outcomeColumns.count

    /// Decodes ``participantColumns`` from `cells`, starting at index `start`.
    static func participantColumns(_ cells: PostgresRandomAccessRow, from start: Int) throws -> ParticipantColumns {
        ParticipantColumns(
            id: try cells[start].decode(String.self), siteID: try cells[start + 1].decode(String.self),
            admissionDate: try cells[start + 2].decode(String?.self), conditionID: try cells[start + 3].decode(String.self),
            period: try cells[start + 4].decode(Int.self), isTransition: try cells[start + 5].decode(Bool.self),
            isInPrimary: try cells[start + 6].decode(Bool.self), isDeleted: try cells[start + 7].decode(Bool.self),
            hasInduction: try cells[start + 8].decode(String?.self) != nil,
            outcomes: try (start + 9..<start + participantColumnCount).map { try cells[$0].decode(String?.self) })
    }

    /// ``participantColumns``, then the participant's version (the id of the last audit entry about it), its
    /// baseline covariates and values, and its flags: everything a write or a single read needs of a participant,
    /// in one row, decoded by ``participantDetails(_:from:)``; `i` is ``inductionOfParticipant``.
    static let participantDetails = """
        \(participantColumns),
        (SELECT MAX(a.id) FROM audit_log a WHERE a.record_id = p.id AND a.table_name IN \(AuditEntry.participantTables)),
        ARRAY(SELECT b.covariate FROM baseline_value b WHERE b.participant_id = p.id ORDER BY b.covariate),
        ARRAY(SELECT b.value FROM baseline_value b WHERE b.participant_id = p.id ORDER BY b.covariate),
        ARRAY(SELECT f.flag FROM participant_flag f WHERE f.participant_id = p.id ORDER BY f.flag)
        """

    /// The induction row `i` of each participant `p`, found by its key: the `OFFSET 0` keeps PostgreSQL from
    /// turning it into a join that scans the whole table, which it chose for a few participants while its
    /// statistics still described a small table.
    static let inductionOfParticipant =
        "LEFT JOIN LATERAL (SELECT * FROM induction WHERE participant_id = p.id OFFSET 0) AS i ON TRUE"

    /// Decodes ``participantDetails`` from `cells`, starting at index `start`: the participant, and its version
    /// (`nil` without audit entries).
    static func participantDetails(
        _ cells: PostgresRandomAccessRow, from start: Int
    ) throws -> (participant: StoredParticipant, version: Int64?) {
        let columns = try participantColumns(cells, from: start)
        let after = start + participantColumnCount
        let covariates = try cells[after + 1].decode([String].self), values = try cells[after + 2].decode([String].self)
        let participant = try StoredParticipant(
            columns, baseline: Dictionary(zip(covariates, values)) { first, _ in first },
            flags: try cells[after + 3].decode([String].self))
        return (participant, try cells[after].decode(Int64?.self))
    }

    /// The ids among `ids` that are stored, deleted or not.
    static func storedIDs(_ connection: PostgresConnection, among ids: [String], logger: Logger) async throws -> Set<String> {
        var stored: Set<String> = []
        for start in stride(from: 0, to: ids.count, by: 50_000) {
            let chunk = Array(ids[start..<min(ids.count, start + 50_000)])
            for try await id in try await connection.query(
                "SELECT id FROM participant WHERE id = ANY(\(chunk))", logger: logger).decode(String.self) {
                stored.insert(id)
            }
        }
        return stored
    }

    /// The versions (``WedgeStore/VersionedParticipant``) of the participants `ids`, or of every participant
    /// when `ids` is `nil`, by id; a participant without audit entries is left out (version 0).
    static func versions(_ connection: PostgresConnection, ids: [String]?, logger: Logger) async throws -> [String: Int64] {
        let filter: PostgresQuery = if let ids {
            "record_id = ANY(\(ids))"
        } else {
            "record_id IS NOT NULL"
        }
        let query = PostgresQuery(unsafeSQL: """
            SELECT record_id, MAX(id) FROM audit_log
            WHERE \(filter.sql) AND table_name IN \(AuditEntry.participantTables) GROUP BY record_id
            """, binds: filter.binds)
        var result: [String: Int64] = [:]
        for try await (id, version) in try await connection.query(query, logger: logger).decode((String, Int64).self) {
            result[id] = version
        }
        return result
    }

    /// The last audit entry's id and hash, or `nil` for an empty log.
    static func auditHead(_ connection: PostgresConnection, logger: Logger) async throws -> (id: Int64, hash: String)? {
        for try await (id, hash) in try await connection.query(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", logger: logger).decode((Int64, String).self) {
            return (id, hash)
        }
        return nil
    }

    /// The audit log, oldest first: all of it, or the entries about one participant.
    static func auditEntries(_ connection: PostgresConnection, participantID: String?, logger: Logger) async throws -> [AuditEntry] {
        let columns = "id, at, actor, action, table_name, record_id, field, old_value, new_value, reason, prev_hash, hash"
        let query: PostgresQuery = if let participantID {
            """
            SELECT \(unescaped: columns) FROM audit_log
            WHERE record_id = \(participantID)
              AND table_name IN \(unescaped: AuditEntry.participantTables)
            ORDER BY id
            """
        } else {
            "SELECT \(unescaped: columns) FROM audit_log ORDER BY id"
        }
        var entries: [AuditEntry] = []
        for try await row in try await connection.query(query, logger: logger) {
            let c = row.makeRandomAccess()
            entries.append(AuditEntry(
                id: try c[0].decode(Int64.self), at: try c[1].decode(String.self), actor: try c[2].decode(String.self),
                action: AuditAction(rawValue: try c[3].decode(String.self)), table: try c[4].decode(String.self),
                recordID: try c[5].decode(String?.self), field: try c[6].decode(String?.self),
                oldValue: try c[7].decode(String?.self), newValue: try c[8].decode(String?.self),
                reason: try c[9].decode(String?.self), previousHash: try c[10].decode(String.self),
                hash: try c[11].decode(String.self)))
        }
        return entries
    }

    /// Every adverse event, by id.
    static func adverseEvents(_ connection: PostgresConnection, logger: Logger) async throws -> [AdverseEventRow] {
        var rows: [AdverseEventRow] = []
        for try await (id, participant, date, description, serious) in try await connection.query(
            "SELECT id, participant_id, date, description, serious FROM adverse_event ORDER BY id", logger: logger)
            .decode((Int64, String, String, String, Bool).self) {
            rows.append(AdverseEventRow(id: id, participantID: participant, date: date, description: description,
                                        serious: serious))
        }
        return rows
    }

    /// The study row, or `nil` when there is none.
    static func study(_ connection: PostgresConnection, logger: Logger) async throws -> StudyRow? {
        for try await row in try await connection.query("""
            SELECT id, title, protocol_text, protocol_digest, seed, algorithm, wedge_version, created_at FROM study
            """, logger: logger) {
            let c = row.makeRandomAccess()
            return StudyRow(id: try c[0].decode(String.self), title: try c[1].decode(String.self),
                            protocolText: try c[2].decode(String.self), protocolDigest: try c[3].decode(String.self),
                            seed: try c[4].decode(String.self), algorithm: try c[5].decode(String.self),
                            wedgeVersion: try c[6].decode(String.self), createdAt: try c[7].decode(String.self))
        }
        return nil
    }

    /// The sites, by position.
    static func sites(_ connection: PostgresConnection, logger: Logger) async throws -> [SiteRow] {
        var sites: [SiteRow] = []
        for try await (id, position, name, index) in try await connection.query(
            "SELECT id, position, name, sequence_index FROM site ORDER BY position", logger: logger)
            .decode((String, Int, String, Int).self) {
            sites.append(SiteRow(id: id, position: position, name: name, sequenceIndex: index))
        }
        return sites
    }

    /// The screenings with these ids (every screening when `ids` is `nil`), deleted ones only when
    /// `includeDeleted`, by id.
    static func screenings(
        _ connection: PostgresConnection, ids: [String]?, includeDeleted: Bool, logger: Logger
    ) async throws -> [ScreeningRecord] {
        let select = """
            SELECT id, site_id, screening_date, eligible, ineligible_reason, consented, condition_id, period,
                   participant_id, is_deleted FROM screening
            """
        let deleted = includeDeleted ? "" : " AND NOT is_deleted"
        let query: PostgresQuery = if let ids {
            "\(unescaped: select) WHERE id = ANY(\(ids))\(unescaped: deleted) ORDER BY id COLLATE \"C\""
        } else {
            "\(unescaped: select) WHERE TRUE\(unescaped: deleted) ORDER BY id COLLATE \"C\""
        }
        var result: [ScreeningRecord] = []
        for try await row in try await connection.query(query, logger: logger) {
            let c = row.makeRandomAccess()
            let id = try c[0].decode(String.self)
            guard let date = CivilDate(iso: try c[2].decode(String.self)) else {
                throw StoreError.inconsistentDatabase(problem: "screening '\(id)' has a malformed screening_date")
            }
            result.append(ScreeningRecord(
                entry: ScreeningEntry(id: id, siteID: try c[1].decode(String.self), screeningDate: date,
                                      isEligible: try c[3].decode(Bool.self), ineligibleReason: try c[4].decode(String?.self),
                                      consented: try c[5].decode(Bool?.self), participantID: try c[8].decode(String?.self)),
                conditionID: try c[6].decode(String.self), period: try c[7].decode(Int.self),
                isDeleted: try c[9].decode(Bool.self)))
        }
        return result
    }

    /// The screening linked to each of the participants `ids` that has one, by participant id.
    static func screeningLinks(_ connection: PostgresConnection, participants ids: [String], logger: Logger) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        var links: [String: String] = [:]
        for try await (participant, screening) in try await connection.query(
            "SELECT participant_id, id FROM screening WHERE participant_id = ANY(\(ids))", logger: logger)
            .decode((String, String).self) {
            links[participant] = screening
        }
        return links
    }

    /// The whole study, row for row.
    static func dump(_ connection: PostgresConnection, location: String, logger: Logger) async throws -> StudyDump {
        guard let study = try await study(connection, logger: logger) else { throw StoreError.noStudy(location: location) }
        return StudyDump(
            study: study, sites: try await sites(connection, logger: logger),
            participants: try await participants(connection, ids: nil, includeDeleted: true, logger: logger),
            adverseEvents: try await adverseEvents(connection, logger: logger),
            auditLog: try await auditEntries(connection, participantID: nil, logger: logger),
            screenings: try await screenings(connection, ids: nil, includeDeleted: true, logger: logger))
    }
}
