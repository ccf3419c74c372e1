// SPDX-License-Identifier: Apache-2.0

import GRDB
public import WedgeCore

extension StudyStore {
    /// The stored protocol, re-parsed from its stored text, with its digest.
    ///
    /// - Throws: ``StoreError/storedProtocolInvalid(issues:)`` when the text no longer validates;
    ///   ``StoreError/inconsistentDatabase(problem:)`` when the study row is missing.
    public func fetchProtocol() throws(StoreError) -> LoadedProtocol {
        try read("read the protocol") { db in try Self.loadedProtocol(db) }
    }

    /// The randomized schedule, rebuilt from the stored protocol text, seed, algorithm and site assignments.
    ///
    /// Every protocol site must have exactly one stored assignment to a sequence of the design, and no other
    /// site may be stored.
    ///
    /// - Throws: ``StoreError/storedProtocolInvalid(issues:)``, ``StoreError/inconsistentDatabase(problem:)``,
    ///   or a wrapped SQLite error.
    public func fetchSchedule() throws(StoreError) -> Schedule {
        try read("read the schedule") { db in try Self.schedule(db) }
    }

    /// Everything the analysis needs, read in one consistent snapshot of the database.
    ///
    /// - Parameter dataLockDate: The data-lock date to record in the snapshot.
    /// - Returns: The protocol, schedule, enrollments, adverse events and screenings (by id, deleted ones left out); enrollments are ordered by participant
    ///   id, adverse events by id, and soft-deleted participants (and their events) are left out.
    /// - Throws: ``StoreError``.
    public func fetchSnapshot(dataLockDate: CivilDate) throws(StoreError) -> StudySnapshot {
        try read("read the study snapshot") { db in
            let schedule = try Self.schedule(db)
            let loaded = try Self.loadedProtocol(db, parsed: schedule.protocol)
            let enrollments = try ParticipantTables.fetchAll(db, includeDeleted: false).map(\.enrollment)
            let enrolled = Set(enrollments.map(\.record.id))
            var events: [AdverseEvent] = []
            for row in try AdverseEventRow.fetchAll(db) where enrolled.contains(row.participantID) {
                guard let event = row.event else {
                    throw StoreError.inconsistentDatabase(problem: "adverse event \(row.id ?? 0) has a malformed date")
                }
                events.append(event)
            }
            return StudySnapshot(loadedProtocol: loaded, schedule: schedule, enrollments: enrollments,
                                 dataLockDate: dataLockDate, adverseEvents: events,
                                 screenings: try ScreeningTables.fetchAll(db, includeDeleted: false))
        }
    }

    /// The review flags of every enrolled participant that has any, by participant id (soft-deleted left out).
    ///
    /// - Throws: ``StoreError``.
    public func fetchFlags() throws(StoreError) -> [String: [OutcomeFlag]] {
        try read("read the review flags") { db in
            var result: [String: [OutcomeFlag]] = [:]
            for participant in try ParticipantTables.fetchAll(db, includeDeleted: false) where !participant.flags.isEmpty {
                result[participant.id] = participant.flags
            }
            return result
        }
    }

    static func loadedProtocol(_ db: Database, parsed: StudyProtocol? = nil) throws -> LoadedProtocol {
        guard let row = try Row.fetchOne(db, sql: "SELECT protocol_text, protocol_digest FROM study") else {
            throw StoreError.inconsistentDatabase(problem: "the study row is missing")
        }
        let text: String = row[0]
        let proto = try parsed ?? StudyRow.parse(text)
        return LoadedProtocol(protocol: proto, text: text, digest: row[1])
    }

    static func schedule(_ db: Database) throws -> Schedule {
        guard let study = try studyRow(db) else {
            throw StoreError.inconsistentDatabase(problem: "the study row is missing")
        }
        return try StudyRow.schedule(study, sites: try siteRows(db))
    }
}
