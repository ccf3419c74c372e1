// SPDX-License-Identifier: Apache-2.0

public import WedgeCore
public import WedgeStore
import PostgresNIO

extension PostgresStudyStore {
    /// The stored protocol, with its digest (read when the store was opened; the study row never changes).
    public func fetchProtocol() async throws(StoreError) -> LoadedProtocol { loaded }

    /// The randomized schedule (read when the store was opened; site rows never change).
    public func fetchSchedule() async throws(StoreError) -> Schedule { schedule }

    /// Everything the analysis needs, read in one REPEATABLE READ transaction (one consistent snapshot);
    /// soft-deleted participants and their events are left out.
    public func fetchSnapshot(dataLockDate: CivilDate) async throws(StoreError) -> StudySnapshot {
        let pool = connection
        let (participants, rows, screenings) = try await pool.transaction("read the study snapshot", write: false) { connection in
            (try await PostgresReads.participants(connection, ids: nil, includeDeleted: false, logger: pool.logger),
             try await PostgresReads.adverseEvents(connection, logger: pool.logger),
             try await PostgresReads.screenings(connection, ids: nil, includeDeleted: false, logger: pool.logger))
        }
        let enrolled = Set(participants.map(\.id))
        var events: [AdverseEvent] = []
        for row in rows where enrolled.contains(row.participantID) {
            guard let event = row.event else {
                throw .inconsistentDatabase(problem: "adverse event \(row.id ?? 0) has a malformed date")
            }
            events.append(event)
        }
        return StudySnapshot(loadedProtocol: loaded, schedule: schedule, enrollments: participants.map(\.enrollment),
                             dataLockDate: dataLockDate, adverseEvents: events, screenings: screenings)
    }

    /// The screenings that are not deleted, of one site (every site when `siteID` is `nil`), ordered by id.
    public func screenings(siteID: String?) async throws(StoreError) -> [ScreeningRecord] {
        let pool = connection
        return try await pool.transaction("read the screening log", write: false) { connection in
            try await PostgresReads.screenings(connection, ids: nil, includeDeleted: false, logger: pool.logger)
                .filter { siteID == nil || $0.siteID == siteID }
        }
    }

    /// The review flags of every enrolled participant that has any, by participant id.
    public func fetchFlags() async throws(StoreError) -> [String: [OutcomeFlag]] {
        let pool = connection
        let participants = try await pool.transaction("read the review flags", write: false) { connection in
            try await PostgresReads.participants(connection, ids: nil, includeDeleted: false, logger: pool.logger)
        }
        var result: [String: [OutcomeFlag]] = [:]
        for participant in participants where !participant.flags.isEmpty { result[participant.id] = participant.flags }
        return result
    }

    /// One participant, deleted or not, with its version; `nil` when there is none.
    public func participant(_ id: String) async throws(StoreError) -> VersionedParticipant? {
        let pool = connection
        return try await pool.transaction("read participant '\(id)'", write: false, autocommit: true) { connection in
            for try await (stored, version) in try await connection.execute(ParticipantQuery(id: id), logger: pool.logger) {
                return VersionedParticipant(stored, version: version ?? 0)
            }
            return nil
        }
    }

    /// The participants that are not deleted, of one site (every site when `siteID` is `nil`), by id, with their
    /// versions, in one consistent snapshot.
    public func participants(siteID: String?) async throws(StoreError) -> [VersionedParticipant] {
        let pool = connection
        return try await pool.transaction("list participants", write: false) { connection in
            let versions = try await PostgresReads.versions(connection, ids: nil, logger: pool.logger)
            return try await PostgresReads.participants(connection, ids: nil, includeDeleted: false, logger: pool.logger)
                .filter { siteID == nil || $0.enrollment.record.siteID == siteID }
                .map { VersionedParticipant($0, version: versions[$0.id] ?? 0) }
        }
    }

    /// How many participants the database holds, soft-deleted ones included.
    public func participantCount() async throws(StoreError) -> Int {
        let pool = connection
        return try await pool.transaction("count participants", write: false) { connection in
            var count = 0
            for try await value in try await connection.query("SELECT COUNT(*) FROM participant", logger: pool.logger)
                .decode(Int64.self) {
                count = Int(value)
            }
            return count
        }
    }

    /// The audit log, oldest first: all of it, or the entries about one participant.
    public func auditTrail(participantID: String?) async throws(StoreError) -> [AuditEntry] {
        let pool = connection
        return try await pool.transaction("read the audit trail", write: false) { connection in
            try await PostgresReads.auditEntries(connection, participantID: participantID, logger: pool.logger)
        }
    }

    /// Checks the audit log's hash chain and replays it against the stored data, with the verifier the SQLite
    /// engine uses, on one consistent snapshot.
    public func verifyAuditChain() async throws(StoreError) -> AuditVerification {
        AuditChainVerifier.verify(try await dump())
    }

    /// Every row of the study, read in one consistent snapshot.
    package func dump() async throws(StoreError) -> StudyDump {
        let pool = connection
        return try await pool.transaction("read the whole study", write: false) { connection in
            try await PostgresReads.dump(connection, location: pool.location, logger: pool.logger)
        }
    }
}
