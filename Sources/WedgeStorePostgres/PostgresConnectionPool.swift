// SPDX-License-Identifier: Apache-2.0

import Logging
import PostgresNIO
import WedgeStore
import WedgeCore

/// A running PostgresNIO client (a connection pool) with its task, and the transaction helpers every engine
/// operation goes through.
///
/// Every write transaction first takes ``chainLock``, a transaction-scoped advisory lock, so that audit entries are
/// appended one transaction at a time: the head read after the lock is the head the commit extends. The lock is
/// released by the commit or rollback, even when the client dies (the server ends the session).
///
/// Related PostgreSQL documentation: <https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS>
struct PostgresConnectionPool: Sendable {
    /// The database, without its password.
    let location: String
    let client: PostgresClient
    let runner: Task<Void, Never>
    /// A logger that writes nothing: PostgresNIO logs queries and their bound values, which may be participant
    /// data, at debug levels.
    let logger: Logger

    /// The advisory lock key of the audit chain ("WEDGE" in ASCII).
    static let chainLock: Int64 = 0x57_45_44_47_45

    /// Starts a pool for `location`.
    init(_ location: PostgresLocation) {
        self.location = location.description
        logger = Logger(label: "wedge.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        let client = PostgresClient(configuration: location.configuration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    /// Stops the pool.
    func close() async {
        runner.cancel()
        await runner.value
    }

    /// Runs `body` in a transaction on one pooled connection, and maps every failure to ``StoreError``.
    ///
    /// - Parameters:
    ///   - operation: What is being done, for messages ("enroll participant 'P1'").
    ///   - write: Take the audit chain's lock first (every transaction that writes does).
    ///   - body: The statements; throwing rolls the transaction back.
    func transaction<T: Sendable>(
        _ operation: String, write: Bool, _ body: (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { connection in
                try await connection.query(write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                                           logger: logger)
                let result: T
                do {
                    if write {
                        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.chainLock))", logger: logger)
                    }
                    result = try await body(connection)
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
                do {
                    try await connection.query("COMMIT", logger: logger)
                } catch {
                    throw DuringCommit(underlying: error)
                }
                return result
            }
        } catch let error as DuringCommit {
            throw Self.wrapping(error.underlying, location: location, operation: operation, duringCommit: true)
        } catch {
            throw Self.wrapping(error, location: location, operation: operation, duringCommit: false)
        }
    }

    /// An error thrown by `COMMIT`.
    private struct DuringCommit: Error {
        let underlying: any Error
    }

    /// Maps an error to ``StoreError``: ours pass through; a server error by its SQLSTATE (its message, which may
    /// quote values, is dropped); a lost connection as ``StoreError/connectionLost(location:operation:outcomeUnknown:)``.
    static func wrapping(_ error: any Error, location: String, operation: String, duringCommit: Bool) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as DataFileError:
            return .dataRejected(error)
        case let error as PSQLError:
            if error.code == .server, let state = error.serverInfo?[.sqlState] {
                // Class 08 (connection exception) and 57P01–57P03 (the server is shutting down or starting).
                if state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state) {
                    return .connectionLost(location: location, operation: operation, outcomeUnknown: duringCommit)
                }
                return .postgres(location: location, operation: operation, sqlState: state)
            }
            let lost: [PSQLError.Code] = [.connectionError, .serverClosedConnection, .clientClosedConnection,
                                          .uncleanShutdown, .poolClosed, .sslUnsupported, .failedToAddSSLHandler]
            if lost.contains(error.code) {
                return .connectionLost(location: location, operation: operation, outcomeUnknown: duringCommit)
            }
            return .unexpected(location: location, operation: operation, type: "PostgreSQL client error \(error.code)")
        default:
            return .unexpected(location: location, operation: operation, type: String(describing: type(of: error)))
        }
    }
}
