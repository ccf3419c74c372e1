// SPDX-License-Identifier: Apache-2.0

import Foundation
import Synchronization
import Testing
import WedgeCore
@testable import WedgeStore
import WedgeTestSupport

/// The recorder under stress: a killed import, two writers at once.
@Suite("Recorder reliability")
struct RecorderReliabilityTests {
    @Test("SIGKILL in the middle of a 100,000-row import leaves the import wholly absent and the database sound")
    func killedImport() throws {
        let (dir, db) = try RecorderSupport.study()
        let file = dir.appendingPathComponent("big.csv").path
        try RecorderSupport.csv(count: 100_000).write(toFile: file, atomically: true, encoding: .utf8)
        let (process, _, _) = try RecorderSupport.start(["import", "--db", db, file])
        // Wait until the import has written uncommitted pages to the WAL file, then kill it.
        let deadline = Date().addingTimeInterval(60)
        var walSize = 0
        while process.isRunning, Date() < deadline {
            walSize = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0
            if walSize > 4 << 20 { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(process.isRunning, "the import finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && walSize > 4 << 20)
        let store = try StudyStore.open(at: db)
        #expect(try store.participantCount() == 0)
        #expect(try store.checkIntegrity().isEmpty)
        let verification = try store.verifyAuditChain()
        #expect(verification.isIntact && verification.entryCount == 1)
        // The database still takes writes.
        let small = dir.appendingPathComponent("small.csv").path
        try RecorderSupport.csv(count: 3, prefix: "S").write(toFile: small, atomically: true, encoding: .utf8)
        #expect(try CommandResult.wedge(["import", "--db", db, small]).status == 0)
        #expect(try store.participantCount() == 3)
    }

    @Test("two processes enrolling at once lose nothing")
    func parallelWriters() throws {
        let (_, db) = try RecorderSupport.study()
        let perWriter = 12
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for i in 0..<perWriter {
                let args = ["enroll", "--db", db, "W\(writer)-\(i)", "--site", "unit-\(writer == 0 ? "a" : "b")",
                            "--admitted", "2021-05-0\(1 + i % 9)", "--baseline", "age=30", "--baseline", "sex=male"]
                let result = try? CommandResult.wedge(args)
                if result?.status != 0 { failures.withLock { $0 += 1 } }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        let store = try StudyStore.open(at: db)
        #expect(try store.participantCount() == 2 * perWriter)
        let verification = try store.verifyAuditChain()
        #expect(verification.isIntact && verification.entryCount == 1 + 2 * perWriter)
    }
}
