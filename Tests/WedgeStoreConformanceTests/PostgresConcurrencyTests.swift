// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore
@testable import WedgeStorePostgres
import WedgeTestSupport
import WedgeTestSupportPostgres

/// Several processes writing to one PostgreSQL study at once: the audit chain's advisory lock keeps appends linear.
@Suite("PostgreSQL: concurrent writers and a killed import")
struct PostgresConcurrencyTests {
    /// Runs the built `wedge-store-load` with `arguments`.
    static func load(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = TestPaths.productsDirectory.appendingPathComponent("wedge-store-load")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("Two processes each make 2,000 enrollments at once: none lost, and the chain verifies",
          .enabled(if: Engine.postgresURL != nil))
    func twoProcesses() async throws {
        let (store, url) = try await ConformanceFixture.makeStore(.postgres)
        let directory = try TestPaths.temporaryDirectory()
        let writers = try ["A", "B"].map { prefix in
            try Self.load(["enroll", "--store", url, "--count", "2000", "--prefix", prefix,
                           "--acks", directory.appendingPathComponent(prefix).path])
        }
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let acknowledged = try ["A", "B"].flatMap { prefix in
            try String(contentsOf: directory.appendingPathComponent(prefix), encoding: .utf8).split(separator: "\n")
        }
        #expect(acknowledged.count == 4_000)
        let dump = try await store.dump()
        #expect(Set(dump.participants.map(\.id)) == Set(acknowledged.map(String.init)))
        let verification = try await store.verifyAuditChain()
        #expect(verification.isIntact)
        #expect(verification.entryCount == 4_001)
        await store.close()
    }

    @Test("Two instances' group writers and single writes at once: every write stored, the chain verifies, the lock given back",
          .enabled(if: Engine.postgresURL != nil))
    func twoWriters() async throws {
        let (store, url) = try await ConformanceFixture.makeStore(.postgres)
        let other = try await PostgresStudyStore.open(url: url)
        let before = try await store.dump()
        let today = ConformanceFixture.today
        // Each instance's writer holds the chain's lock while its groups keep coming, and lets it go when the other
        // instance's writer, or a single write (which takes the lock per transaction), waits for it.
        let stored = try await withThrowingTaskGroup(of: Int.self) { group in
            for (prefix, instance) in [("A", store), ("B", other as any StudyEngine)] {
                for n in 0..<150 {
                    group.addTask {
                        let request = StudyWriteRequest(.enroll(ConformanceFixture.record("\(prefix)\(n)")), actor: prefix,
                                                        today: today)
                        return try await instance.commit(taking: { [request] }).count { (try? $0.get()) != nil }
                    }
                }
            }
            for n in 0..<10 {
                group.addTask {
                    _ = try await other.enroll(ConformanceFixture.record("S\(n)"), actor: "S", today: today)
                    return 1
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(stored == 310)
        let after = try await store.dump()
        #expect(after.participants.count == before.participants.count + 310)
        #expect(after.auditLog.count == before.auditLog.count + 310)
        #expect(try await store.verifyAuditChain().isIntact)
        // The writer gives the lock back right after its last group's answer; wait for that, within 5 s.
        var held = true
        for _ in 0..<250 where held {
            held = try await PostgresTestDatabase.lockHeld(url: url)
            if held { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(!held, "the lock was still held 5 s after the last write")
        await other.close()
        await store.close()
    }

    @Test("kill -9 in the middle of an import leaves nothing of it", .enabled(if: Engine.postgresURL != nil))
    func killedImport() async throws {
        let (store, url) = try await ConformanceFixture.makeStore(.postgres)
        let before = try await store.dump()
        let importer = try Self.load(["import", "--store", url, "--rows", "60000", "--prefix", "K"])
        // Wait until the import's transaction holds the audit chain's lock (it has begun writing), then kill it.
        var holding = false
        for _ in 0..<600 where !holding {
            try await Task.sleep(for: .milliseconds(20))
            holding = try await PostgresTestDatabase.lockHeld(url: url)
        }
        kill(importer.processIdentifier, SIGKILL)
        importer.waitUntilExit()
        #expect(holding, "the import never took the lock")
        #expect(importer.terminationReason == .uncaughtSignal)
        // The server rolls the transaction back when the connection drops; a write waits for the lock until then.
        _ = try await store.enroll(ConformanceFixture.record("AFTER"), actor: "c", today: ConformanceFixture.today)
        let after = try await store.dump()
        #expect(after.participants.map(\.id) == before.participants.map(\.id) + ["AFTER"])
        #expect(after.auditLog.count == before.auditLog.count + 1)
        #expect(try await store.verifyAuditChain().isIntact)
        await store.close()
    }
}
