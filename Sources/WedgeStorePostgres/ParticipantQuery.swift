// SPDX-License-Identifier: Apache-2.0

import PostgresNIO
import WedgeStore

/// One participant, deleted or not, with its baseline values, flags and version, in one statement (one round trip,
/// one snapshot, no transaction block), prepared once per connection. A conflict's answer and every read of a
/// single participant use it.
struct ParticipantQuery: PostgresPreparedStatement {
    typealias Row = (participant: StoredParticipant, version: Int64?)
    let id: String

    static let sql = """
        SELECT \(PostgresReads.participantDetails)
        FROM participant p
        \(PostgresReads.inductionOfParticipant)
        WHERE p.id = $1
        """

    func makeBindings() throws -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(id, context: .default)
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try PostgresReads.participantDetails(row.makeRandomAccess(), from: 0)
    }
}
