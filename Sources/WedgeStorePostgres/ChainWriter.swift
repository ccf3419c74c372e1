// SPDX-License-Identifier: Apache-2.0

import Logging
import PostgresNIO
import Synchronization
import WedgeStore

/// The writer of a server instance's group commits on PostgreSQL: it holds the audit chain's lock across groups.
///
/// The chain is linear, so one transaction at a time appends to it, whichever instance sends it. Under a lock taken
/// per transaction, each group pays `BEGIN`, the lock and `COMMIT`, and the lock's hand-over from one group's
/// connection to the next: two round trips and a wake-up on the path that every write waits on. The writer instead
/// takes ``PostgresConnectionPool/chainLock`` at session level on one connection and keeps it while groups keep
/// coming (a *tenure*). Each group is then two statements, which PostgreSQL commits one by one: the read, and the
/// write, a single statement, so atomic, and durable once its answer has arrived. Nobody else writes study data
/// meanwhile, because every write takes the same lock first, so what the read saw is still true when the write
/// is sent. A group too large for one statement (COPY) is sent inside `BEGIN` and `COMMIT`.
///
/// A tenure ends when no group is queued, or after a group whose read saw another session waiting for the lock
/// (``Tenure/yield()``): another instance's writer, or a single write on this one. PostgreSQL grants a released
/// lock to a session that was waiting for it, so instances take turns. The lock is given back before the connection
/// returns to the pool; if that fails, the connection is closed, which gives it back too.
///
/// Related PostgreSQL documentation: <https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS>
actor ChainWriter {
    /// A tenure, as its groups see it.
    final class Tenure: Sendable {
        private let ending = Mutex(false)

        /// Ends the tenure after the current group: someone else waits for the lock.
        func yield() { ending.withLock { $0 = true } }

        /// Whether ``yield()`` was called.
        var isEnding: Bool { ending.withLock { $0 } }
    }

    /// An error of the statement that writes: a lost connection there leaves the outcome unknown.
    struct Writing: Error {
        let underlying: any Error
    }

    /// A queued group.
    private struct Job: Sendable {
        /// The group's work, run with the lock held; it answers its caller itself.
        let body: @Sendable (PostgresConnection, Logger, Tenure) async -> Void
        /// Fails the job, unless it has answered; `started` when its body had begun.
        let fail: @Sendable (_ started: Bool, _ error: any Error) -> Void
    }

    private let pool: PostgresConnectionPool
    private var queue: [Job] = []
    /// The number of the current tenure: a tenure whose number has passed (its connection was seen closed while a
    /// statement hung) takes no more jobs.
    private var tenureNumber = 0
    private var running = false

    init(pool: PostgresConnectionPool) {
        self.pool = pool
    }

    /// Runs `body` with the chain's lock held, after the groups queued before it. `body`'s statements commit one by
    /// one; it wraps the error of the statement that writes in ``Writing``.
    func run<T: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (PostgresConnection, Logger, Tenure) async throws -> T
    ) async throws(StoreError) -> T {
        let location = pool.location
        do {
            return try await withCheckedThrowingContinuation { continuation in
                let once = ResumeOnce(continuation)
                enqueue(Job(body: { connection, logger, tenure in
                    do { once.resume(with: .success(try await body(connection, logger, tenure))) } catch {
                        once.resume(with: .failure(Self.storeError(error, location, operation, started: true)))
                    }
                }, fail: { started, error in
                    once.resume(with: .failure(Self.storeError(error, location, operation, started: started)))
                }))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .unexpected(location: location, operation: operation, type: String(describing: type(of: error)))
        }
    }

    /// `error` as a ``StoreError``: a lost connection while writing, or under a job whose tenure was lost, leaves
    /// the outcome unknown.
    private static func storeError(_ error: any Error, _ location: String, _ operation: String, started: Bool) -> StoreError {
        if let writing = error as? Writing {
            return PostgresConnectionPool.wrapping(writing.underlying, location: location, operation: operation,
                                                   duringCommit: true)
        }
        return PostgresConnectionPool.wrapping(error, location: location, operation: operation,
                                               duringCommit: started && !(error is StoreError))
    }

    private func enqueue(_ job: Job) {
        queue.append(job)
        startTenure()
    }

    private func startTenure() {
        guard !running, !queue.isEmpty else { return }
        running = true
        tenureNumber += 1
        let number = tenureNumber
        Task(priority: .high) { await self.tenure(number) }
    }

    /// The next job of tenure `number`, or `nil` when it should end.
    private func next(_ number: Int, _ tenure: Tenure) -> Job? {
        guard number == tenureNumber, !tenure.isEnding, !queue.isEmpty else { return nil }
        return queue.removeFirst()
    }

    /// Takes the lock on a pooled connection, runs queued jobs while ``next(_:_:)`` gives them, and gives the lock
    /// back. When it fails, the job under way fails with it (its outcome unknown), and, when no job ran, so does
    /// every queued one (the database is unreachable, and they would meet the same failure).
    private func tenure(_ number: Int) async {
        let current = Mutex<(job: Job?, ran: Bool)>((nil, false))
        let pool = pool, lock = PostgresConnectionPool.chainLock, tenure = Tenure()
        do {
            try await pool.transaction("hold the audit chain's lock", write: true, lockChain: false, autocommit: true) {
                connection in
                let logger = pool.logger
                try await connection.query("SELECT pg_advisory_lock(\(lock))", logger: logger)
                while let job = await self.next(number, tenure) {
                    current.withLock { $0 = (job, true) }
                    await job.body(connection, logger, tenure)
                    current.withLock { $0.job = nil }
                }
                do {
                    try await connection.query("SELECT pg_advisory_unlock(\(lock))", logger: logger)
                } catch {
                    try? await connection.close()
                    throw error
                }
            }
        } catch {
            let (job, ran) = current.withLock { state in
                defer { state.job = nil }
                return state
            }
            job?.fail(true, error)
            if !ran {
                for job in queue { job.fail(false, error) }
                queue.removeAll()
            }
        }
        tenureNumber += 1
        running = false
        startTenure()
    }
}
