// SPDX-License-Identifier: Apache-2.0

import PostgresNIO

/// Runs a transaction's statements so that its caller learns when the connection dies under them.
///
/// PostgresNIO 1.33 does not always fail an operation whose connection closes under it: `copyFrom` drops its
/// continuation when the server goes away in the middle of a copy ("leaked its continuation without resuming it"),
/// and a `ROLLBACK` sent on a closed connection was never answered. A transaction that was writing when the server
/// restarted would wait forever. So the statements run in a task of their own, and the caller returns as soon as
/// they finish or the connection is seen closed, whichever comes first. Work abandoned this way stays suspended,
/// holding only its buffers; the server has rolled its transaction back.
enum ConnectionWatch {
    /// The connection closed while the operation ran.
    struct Closed: Error {}

    /// How often the connection is looked at while the operation runs.
    static let interval: Duration = .milliseconds(50)

    /// Runs `operation`, or throws ``Closed`` once `connection` is closed.
    static func run<T: Sendable>(
        on connection: PostgresConnection, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let once = ResumeOnce(continuation)
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                once.resume(with: result)
            }
            Task {
                while !once.isResumed {
                    if connection.isClosed {
                        once.resume(with: .failure(Closed()))
                        return
                    }
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }
}
