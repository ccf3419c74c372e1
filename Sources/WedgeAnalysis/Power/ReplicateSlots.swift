// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// The result slots of a simulation run, filled by worker threads: hands out trial indices in order and
/// stores each outcome in its own slot.
final class ReplicateSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ReplicateOutcome?]
    private var next = 0
    private var finished = 0
    private let progress: (@Sendable (Int) -> Void)?

    init(count: Int, progress: (@Sendable (Int) -> Void)?) {
        slots = Array(repeating: nil, count: count)
        self.progress = progress
    }

    /// The next unclaimed trial index, or `nil` when all are claimed.
    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    /// Stores trial `index`'s outcome and reports progress (under the lock, so calls are serialized).
    func store(_ outcome: ReplicateOutcome, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = outcome
        finished += 1
        progress?(finished)
    }

    /// Every outcome, in trial order (call after all workers finished).
    var outcomes: [ReplicateOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
