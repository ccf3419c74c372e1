// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A continuation that the first of several racers resumes; later attempts do nothing.
final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    init(_ continuation: CheckedContinuation<T, any Error>) {
        self.continuation = continuation
    }

    /// Whether it has been resumed.
    var isResumed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return continuation == nil
    }

    /// Resumes with `result` unless it has been resumed already.
    func resume(with result: Result<T, any Error>) {
        lock.lock()
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume(with: result)
    }
}
