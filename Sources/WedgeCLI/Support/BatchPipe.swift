// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// A bounded hand-over of batches from one producer thread to one consumer: the import reads and checks rows
/// on one core while the database writes them on the other.
///
/// `put` waits while `capacity` batches are waiting, so memory stays bounded however large the file. The
/// consumer's `take` returns the batches in order, then `nil` at the end, or throws the error the producer
/// finished with. A consumer that stops early calls `cancel`, after which `put` returns `false` at once.
final class BatchPipe<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [[Element]] = []  // at most `capacity`, so removing the first is cheap
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    /// Creates a pipe that holds at most `capacity` batches.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Producer: hands over a batch, waiting while the pipe is full; `false` when the consumer has cancelled.
    func put(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// Producer: there are no more batches; a non-nil `error` is what the consumer's last `take` throws.
    func finish(_ error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// Consumer: the next batch, waiting for one; `nil` at the end.
    ///
    /// - Throws: The producer's error, once the batches before it are taken.
    func take() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Consumer: stops the producer (its `put` returns `false`).
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
    }
}
