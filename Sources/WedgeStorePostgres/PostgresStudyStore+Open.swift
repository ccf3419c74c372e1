// SPDX-License-Identifier: Apache-2.0

public import WedgeCore
public import WedgeStore

extension PostgresStudyStore {
    /// Opens the study in the PostgreSQL database at `url`.
    ///
    /// Nothing is written: a database whose schema is missing, out of date or from a newer Wedge, or that holds no
    /// study, is refused with what to do (`wedge-server migrate`).
    ///
    /// - Parameter url: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…]` (see ``PostgresLocation``).
    /// - Throws: ``WedgeStore/StoreError/noStudy(location:)``,
    ///   ``WedgeStore/StoreError/newerDatabase(path:unknownMigrations:)``,
    ///   ``WedgeStore/StoreError/connectionLost(location:operation:outcomeUnknown:)``, or another ``StoreError``.
    public static func open(url: String) async throws -> PostgresStudyStore {
        let pool = PostgresConnectionPool(try PostgresLocation(url: url))
        do {
            let status = try await PostgresMigrator.status(pool)
            guard status.pending.isEmpty, status.hasStudy else {
                throw status.hasStudy || !status.pending.isEmpty && !status.applied.isEmpty
                    ? StoreError.inconsistentDatabase(problem: "\(pool.location) has schema steps still to apply ("
                                                      + status.pending.joined(separator: ", ") + "); run `wedge-server migrate`")
                    : StoreError.noStudy(location: pool.location)
            }
            return try await load(pool)
        } catch {
            await pool.close()
            throw error
        }
    }

    /// Creates a new study in the PostgreSQL database at `url`: the schema (when the database has none yet), the
    /// study row, its sites and the study-creation audit entry, in one transaction.
    ///
    /// - Throws: ``WedgeStore/StoreError/studyExists(location:)`` when the database already holds a study;
    ///   ``WedgeStore/StoreError/invalidStudy(problem:)``; another ``StoreError``.
    public static func create(
        url: String, protocol loaded: LoadedProtocol, schedule: Schedule, createdAt: String
    ) async throws -> PostgresStudyStore {
        try await restore(try StudyDump.newStudy(loaded, schedule, createdAt: createdAt), url: url)
    }

    /// Writes exactly the rows of `dump` into the PostgreSQL database at `url` (creating the schema if needed), in
    /// one transaction: a failure or a killed process leaves the database as it was.
    package static func restore(_ dump: StudyDump, url: String) async throws -> PostgresStudyStore {
        let pool = PostgresConnectionPool(try PostgresLocation(url: url))
        do {
            try await pool.transaction("copy the study", write: true) { connection in
                try await PostgresMigrator.migrate(connection, location: pool.location, logger: pool.logger)
                if try await PostgresReads.study(connection, logger: pool.logger) != nil {
                    throw StoreError.studyExists(location: pool.location)
                }
                var batch = PostgresWriteBatch()
                batch.study = dump.study
                batch.sites = dump.sites
                for participant in dump.participants { batch.insert(participant) }
                batch.adverseEvents = dump.adverseEvents
                for screening in dump.screenings { batch.insertScreening(screening) }
                batch.audit = dump.auditLog
                try await batch.write(connection, logger: pool.logger)
            }
            return try await load(pool)
        } catch {
            await pool.close()
            throw error
        }
    }

    /// The store on an open pool, with the stored protocol and schedule read once.
    private static func load(_ pool: PostgresConnectionPool) async throws(StoreError) -> PostgresStudyStore {
        let (study, sites) = try await pool.transaction("read the study", write: false) { connection in
            (try await PostgresReads.study(connection, logger: pool.logger),
             try await PostgresReads.sites(connection, logger: pool.logger))
        }
        guard let study else { throw .noStudy(location: pool.location) }
        let schedule = try StudyRow.schedule(study, sites: sites)
        let loaded = LoadedProtocol(protocol: schedule.protocol, text: study.protocolText, digest: study.protocolDigest)
        return PostgresStudyStore(connection: pool, loaded: loaded, schedule: schedule, clock: utcNow)
    }
}

extension PostgresStudyStore {
    /// Creates or upgrades the schema of the PostgreSQL database at `url`, in one transaction.
    ///
    /// - Returns: The migrations applied now (empty when the schema was up to date).
    /// - Throws: ``WedgeStore/StoreError/newerDatabase(path:unknownMigrations:)`` for a database from a newer
    ///   Wedge; another ``StoreError``.
    public static func migrate(url: String) async throws -> [String] {
        let pool = PostgresConnectionPool(try PostgresLocation(url: url))
        defer { Task { await pool.close() } }
        return try await PostgresMigrator.migrate(pool)
    }

    /// The migrations the database has had, in order.
    public func appliedMigrations() async throws(StoreError) -> [String] {
        try await PostgresMigrator.status(connection).applied
    }
}
