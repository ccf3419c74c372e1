// SPDX-License-Identifier: Apache-2.0

internal import Dispatch

extension PermutationTest {
    /// The statistic of every allocation, index by index; NaN marks a failure (never returned to callers).
    ///
    /// Work is split into fixed chunks of `chunkSize` consecutive allocations. With `threads == nil`
    /// `DispatchQueue.concurrentPerform` runs one iteration per chunk on all cores; with `threads == k`
    /// it runs `k` workers and worker `w` takes chunks `w, w + k, …`; with `k = 1` it is a plain loop.
    /// Each value is written to its own slot, so the output never depends on scheduling.
    static func evaluate(
        _ allocations: [[Int]], threads: Int?, chunkSize: Int, statistic: @escaping @Sendable ([Int]) -> Double?
    ) -> [Double] {
        let count = allocations.count
        guard count > 0 else { return [] }
        let slots = Slots(count: count)
        let chunks = (count + chunkSize - 1) / chunkSize
        let work: @Sendable (Int) -> Void = { chunk in
            let lo = chunk * chunkSize
            for i in lo..<min(count, lo + chunkSize) {
                let value = statistic(allocations[i])
                slots.write(i, value.flatMap { $0.isFinite ? $0 : nil } ?? .nan)
            }
        }
        switch threads {
        case 1?:
            for chunk in 0..<chunks { work(chunk) }
        case let workers?:
            let k = min(workers, chunks)
            DispatchQueue.concurrentPerform(iterations: k) { w in
                var chunk = w
                while chunk < chunks {
                    work(chunk)
                    chunk += k
                }
            }
        case nil:
            DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
        }
        return slots.values()
    }

    /// Index-addressed result storage shared by the workers; each index is written by exactly one worker
    /// and read only after `concurrentPerform` returns, so there is no data race.
    final class Slots: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<Double>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: .nan)
        }

        deinit { buffer.deallocate() }

        func write(_ index: Int, _ value: Double) { buffer[index] = value }

        func values() -> [Double] { Array(buffer) }
    }
}
