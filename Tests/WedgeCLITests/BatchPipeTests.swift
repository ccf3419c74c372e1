// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
@testable import WedgeCLI

/// The hand-over between the import's reading thread and its database thread.
@Suite("Batch pipe")
struct BatchPipeTests {
    private struct Broken: Error, Equatable {}

    @Test("batches arrive in order, then the end; a producer error comes after the batches before it")
    func order() throws {
        let pipe = BatchPipe<Int>(capacity: 2)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            for start in stride(from: 0, to: 1_000, by: 10) { _ = pipe.put(Array(start..<start + 10)) }
            pipe.finish(nil)
            done.signal()
        }
        var received: [Int] = []
        while let batch = try pipe.take() { received += batch }
        done.wait()
        #expect(received == Array(0..<1_000))

        let failing = BatchPipe<Int>(capacity: 4)
        DispatchQueue.global().async {
            _ = failing.put([1, 2])
            failing.finish(Broken())
        }
        #expect(try failing.take() == [1, 2])
        #expect(throws: Broken.self) { _ = try failing.take() }
    }

    @Test("cancelling releases a producer waiting on a full pipe")
    func cancel() {
        let pipe = BatchPipe<Int>(capacity: 1)
        let accepted = DispatchSemaphore(value: 0)
        let outcome = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var secondAccepted = true
        DispatchQueue.global().async {
            _ = pipe.put([1])
            accepted.signal()
            secondAccepted = pipe.put([2])  // waits: the pipe is full
            outcome.signal()
        }
        accepted.wait()
        pipe.cancel()
        #expect(outcome.wait(timeout: .now() + 10) == .success)
        #expect(!secondAccepted)
    }
}
