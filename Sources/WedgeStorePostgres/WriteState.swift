// SPDX-License-Identifier: Apache-2.0

import Logging
import PostgresNIO
import WedgeStore

/// What a write transaction reads once it holds the audit chain's lock, in one query (one round trip): the chain's
/// head, the next adverse event id, and the participants it names with their baseline values, flags and versions.
///
/// Read after the lock, in a statement of its own, so that its snapshot includes every transaction committed
/// before the lock was granted.
struct WriteState {
    /// The participants found among the ids asked for, deleted ones included.
    var participants: [StoredParticipant] = []
    /// Their versions (the id of the last audit entry about each); one without entries is left out (version 0).
    var versions: [String: Int64] = [:]
    /// The last audit entry's id and hash, or `nil` for an empty log.
    var head: (id: Int64, hash: String)?
    /// The next adverse event id: the highest + 1 (events are never deleted).
    var nextAdverseEventID: Int64 = 1
    /// Whether another session waits for the chain's lock (``ChainWriter`` then lets it go after this group).
    var othersWaiting = false

    /// Reads the state for a transaction writing the participants `ids`, inside the caller's transaction.
    static func read(_ connection: PostgresConnection, ids: [String], logger: Logger) async throws -> WriteState {
        var state = WriteState()
        for try await row in try await connection.execute(Query(ids: ids), logger: logger) {
            let cells = row.makeRandomAccess()
            if let id = try cells[0].decode(Int64?.self), let hash = try cells[1].decode(String?.self) {
                state.head = (id, hash)
            }
            state.nextAdverseEventID = try cells[2].decode(Int64.self)
            state.othersWaiting = try cells[3].decode(Bool.self)
            guard try cells[4].decode(String?.self) != nil else { continue }
            let (participant, version) = try PostgresReads.participantDetails(cells, from: 4)
            if let version { state.versions[participant.id] = version }
            state.participants.append(participant)
        }
        return state
    }

    /// The read, a statement prepared once per connection. One row per participant found, or a single row of NULL
    /// participant columns when none is; the head, the next event id and whether another session waits for the
    /// chain's lock in this database (`pg_locks` shows an `int8` advisory key as its high and low halves) are
    /// repeated on every row.
    private struct Query: PostgresPreparedStatement {
        typealias Row = PostgresRow
        let ids: [String]

        static let sql = """
            SELECT h.id, h.hash, (SELECT COALESCE(MAX(id), 0) + 1 FROM adverse_event),
                   EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
                           AND (classid::bigint << 32 | objid::bigint) = \(PostgresConnectionPool.chainLock)
                           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())),
                   \(PostgresReads.participantDetails)
            FROM (SELECT 1) AS one
            LEFT JOIN LATERAL (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) AS h ON TRUE
            LEFT JOIN participant p ON p.id = ANY($1::text[])
            \(PostgresReads.inductionOfParticipant)
            ORDER BY p.id COLLATE "C"
            """

        func makeBindings() throws -> PostgresBindings {
            var binds = PostgresBindings()
            binds.append(ids, context: .default)
            return binds
        }

        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
    }
}
