// SPDX-License-Identifier: Apache-2.0

internal import Dispatch
internal import Foundation

/// The result slots of a simulation run, filled by worker threads: hands out trial indices in order and
/// stores each outcome in its own slot.
final class ReplicateSlots<Outcome: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Outcome?]
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
    func store(_ outcome: Outcome, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = outcome
        finished += 1
        progress?(finished)
    }

    /// Every outcome, in trial order (call after all workers finished).
    var outcomes: [Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

extension ReplicateSlots {
    /// Runs `body` for replicates `0..<count` on `threads` workers (default: all cores) and returns the outcomes in
    /// replicate order, whatever the scheduling; `progress` gets the number finished, one call at a time.
    static func run(
        count: Int, threads: Int?, progress: (@Sendable (Int) -> Void)?, _ body: @escaping @Sendable (Int) -> Outcome
    ) -> [Outcome] {
        let slots = ReplicateSlots(count: count, progress: progress)
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, max(count, 1)))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let r = slots.claim() { slots.store(body(r), at: r) }
        }
        return slots.outcomes
    }
}
