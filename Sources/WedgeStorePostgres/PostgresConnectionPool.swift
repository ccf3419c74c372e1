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
/// released by the commit or rollback, even when the client dies (the server ends the session). (A server's group
/// commits take the same lock at session level, in ``ChainWriter``.)
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
        leaseDeadline = location.connectTimeout
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

    /// How long an operation waits for a pooled connection before it fails with
    /// ``StoreError/connectionLost(location:operation:outcomeUnknown:)``: the server is down or restarting, or
    /// every connection is busy. Once it has a connection, an operation is never cancelled by this deadline.
    /// It is the URL's `connect_timeout` (``PostgresLocation/connectTimeout``).
    let leaseDeadline: Duration

    /// Runs `body` in a transaction on one pooled connection, and maps every failure to ``StoreError``.
    ///
    /// A transaction that gets no connection within ``leaseDeadline`` fails without having sent anything. One whose
    /// connection is lost fails with `outcomeUnknown` false before `COMMIT` (the server rolls it back) and true
    /// during it.
    ///
    /// - Parameters:
    ///   - operation: What is being done, for messages ("enroll participant 'P1'").
    ///   - write: A read-write transaction; otherwise a read-only snapshot.
    ///   - lockChain: Take the audit chain's lock first (every transaction that writes study data does; the
    ///     server's own state, outside the chain, does not).
    ///   - autocommit: Send `body`'s one statement without `BEGIN` and `COMMIT`: PostgreSQL runs it as a
    ///     transaction of its own, in one round trip instead of three (the server's shared state, statement by
    ///     statement).
    ///   - body: The statements; throwing rolls the transaction back.
    func transaction<T: Sendable>(
        _ operation: String, write: Bool, lockChain: Bool? = nil, autocommit: Bool = false,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        let lock = lockChain ?? write
        let gate = LeaseGate()
        let (client, logger, deadline) = (client, logger, leaseDeadline)
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        guard gate.claim() else { throw LeaseExpired() }
                        return try await ConnectionWatch.run(on: connection) {
                            autocommit ? try await body(connection)
                                : try await Self.run(write: write, lock: lock, on: connection, logger: logger, body)
                        }
                    }
                }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    if gate.expire() { throw LeaseExpired() }
                    return nil
                }
                defer { group.cancelAll() }
                while let result = try await group.next() {
                    if let value = result { return value }
                }
                throw LeaseExpired()
            }
        } catch is LeaseExpired {
            throw .connectionLost(location: location, operation: operation, outcomeUnknown: false)
        } catch let error as DuringCommit {
            throw Self.wrapping(error.underlying, location: location, operation: operation, duringCommit: true)
        } catch {
            throw Self.wrapping(error, location: location, operation: operation, duringCommit: false)
        }
    }

    /// `BEGIN`, the chain lock for a write, `body`, then `COMMIT`, or `ROLLBACK` when anything before the commit
    /// throws.
    static func run<T: Sendable>(
        write: Bool, lock: Bool, on connection: PostgresConnection, logger: Logger,
        _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await connection.query(write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
        let result: T
        do {
            if lock {
                try await connection.query("SELECT pg_advisory_xact_lock(\(chainLock))", logger: logger)
            }
            result = try await body(connection)
        } catch {
            // On a connection that is gone the server has rolled back already, and PostgresNIO 1.33 never answers a
            // query sent on it: a ROLLBACK there would wait forever.
            if !connection.isClosed && !isLostConnection(error) {
                _ = try? await connection.query("ROLLBACK", logger: logger)
            }
            throw error
        }
        do {
            try await connection.query("COMMIT", logger: logger)
        } catch {
            throw DuringCommit(underlying: error)
        }
        return result
    }

    /// No connection came within ``leaseDeadline``.
    private struct LeaseExpired: Error {}

    /// An error thrown by `COMMIT`.
    private struct DuringCommit: Error {
        let underlying: any Error
    }

    /// Whether `error` says the connection is gone: a client-side connection failure, or a server error of class 08
    /// (connection exception) or 57P01–57P03 (the server is shutting down or starting), or a connection seen
    /// closed by ``ConnectionWatch``.
    static func isLostConnection(_ error: any Error) -> Bool {
        if error is ConnectionWatch.Closed { return true }
        guard let error = error as? PSQLError else { return false }
        if error.code == .server, let state = error.serverInfo?[.sqlState] {
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        }
        let lost: [PSQLError.Code] = [.connectionError, .serverClosedConnection, .clientClosedConnection,
                                      .uncleanShutdown, .poolClosed, .sslUnsupported, .failedToAddSSLHandler]
        return lost.contains(error.code)
    }

    /// Maps an error to ``StoreError``: ours pass through; a server error by its SQLSTATE (its message, which may
    /// quote values, is dropped); a lost connection as ``StoreError/connectionLost(location:operation:outcomeUnknown:)``.
    static func wrapping(_ error: any Error, location: String, operation: String, duringCommit: Bool) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as DataFileError:
            return .dataRejected(error)
        case _ where isLostConnection(error):
            return .connectionLost(location: location, operation: operation, outcomeUnknown: duringCommit)
        case let error as PSQLError:
            if error.code == .server, let state = error.serverInfo?[.sqlState] {
                return .postgres(location: location, operation: operation, sqlState: state)
            }
            return .unexpected(location: location, operation: operation, type: "PostgreSQL client error \(error.code)")
        default:
            return .unexpected(location: location, operation: operation, type: String(describing: type(of: error)))
        }
    }
}
