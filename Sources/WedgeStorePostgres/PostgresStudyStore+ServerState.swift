// SPDX-License-Identifier: Apache-2.0

import PostgresNIO
public import WedgeStore

extension PostgresStudyStore: ServerStateDatabase {
    /// The server's shared state in this database.
    public var serverState: ServerState { ServerState(self) }

    /// Runs one server-state statement as a transaction of its own (autocommit, one round trip), without the audit
    /// chain's lock (these tables are outside the chain). `?` placeholders become `$1`, `$2`, …; no statement of ``ServerState`` has a
    /// `?` anywhere else.
    package func rows(_ sql: String, _ arguments: [SQLValue], operation: String) async throws(StoreError) -> [[SQLValue]] {
        var numbered = "", count = 0
        for character in sql {
            if character == "?" {
                count += 1
                numbered += "$\(count)"
            } else {
                numbered.append(character)
            }
        }
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .text(let text): bindings.append(text)
            case .integer(let number): bindings.append(number)
            case .null: bindings.appendNull()
            }
        }
        let query = PostgresQuery(unsafeSQL: numbered, binds: bindings)
        let pool = connection
        return try await pool.transaction(operation, write: true, lockChain: false, autocommit: true) { connection in
            var result: [[SQLValue]] = []
            for try await row in try await connection.query(query, logger: pool.logger) {
                result.append(try row.map { cell -> SQLValue in
                    guard cell.bytes != nil else { return .null }
                    switch cell.dataType {
                    case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
                    default: return .text(try cell.decode(String.self))
                    }
                })
            }
            return result
        }
    }
}
