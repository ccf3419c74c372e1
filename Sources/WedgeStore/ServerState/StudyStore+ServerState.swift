// SPDX-License-Identifier: Apache-2.0

import GRDB

extension StudyStore: ServerStateDatabase {
    /// The server's shared state in this database.
    public var serverState: ServerState { ServerState(self) }

    /// Runs one server-state statement in its own transaction.
    package func rows(_ sql: String, _ arguments: [SQLValue], operation: String) async throws(StoreError) -> [[SQLValue]] {
        let values: [DatabaseValue] = arguments.map { value in
            switch value {
            case .text(let text): text.databaseValue
            case .integer(let number): number.databaseValue
            case .null: .null
            }
        }
        let body = { @Sendable (db: Database) throws -> [[SQLValue]] in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(values)).map { row in
                row.databaseValues.map { value -> SQLValue in
                    switch value.storage {
                    case .int64(let number): .integer(number)
                    case .string(let text): .text(text)
                    case .double(let number): .integer(Int64(number))
                    case .null, .blob: .null
                    }
                }
            }
        }
        // A plain SELECT reads (concurrently with the writer, on a pool); everything else writes.
        return sql.hasPrefix("SELECT") ? try await asyncRead(operation, body) : try await asyncWrite(operation, body)
    }
}
