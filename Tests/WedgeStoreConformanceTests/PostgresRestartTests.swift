// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore
@testable import WedgeStorePostgres
import WedgeTestSupport
import WedgeTestSupportPostgres

/// PostgreSQL restarted in the middle of a run of writes (`WEDGE_TEST_PG_RESTART` from `scripts/with-postgres.sh`).
@Suite("PostgreSQL: a restart in the middle of writes", .serialized)
struct PostgresRestartTests {
    /// The commands that restart, stop and start the test cluster, when the run provides them and asks for the
    /// fault tests with `WEDGE_TEST_PG_FAULTS=1`. They stop the server under every other test, so they run in an
    /// invocation of their own (`.ci/run` does: `swift test --filter PostgresRestart`).
    static let faults = ProcessInfo.processInfo.environment["WEDGE_TEST_PG_FAULTS"] == "1"
    static let restart = faults ? ProcessInfo.processInfo.environment["WEDGE_TEST_PG_RESTART"] : nil
    static let stop = faults ? ProcessInfo.processInfo.environment["WEDGE_TEST_PG_STOP"] : nil
    static let start = faults ? ProcessInfo.processInfo.environment["WEDGE_TEST_PG_START"] : nil

    /// The outcome of one write attempt.
    enum Attempt: Sendable {
        case acknowledged(String)
        case failed(StoreError)
        case other(String)
    }

    @Test("Writes in flight fail with a clear error, nothing is half-written, and writing resumes once it is back",
          .enabled(if: Engine.postgresURL != nil && restart != nil), .timeLimit(.minutes(2)))
    func restartDuringWrites() async throws {
        let (store, url) = try await ConformanceFixture.makeStore(.postgres)
        let restart = try #require(Self.restart)
        // A long import holds a transaction open, so the restart certainly hits a write in flight. Once it holds the
        // chain's lock, enrollments start beside it (the first waits for the lock: in flight too), one after the
        // other, until 20 have been tried after the restart.
        let schedule = try await store.fetchSchedule()
        let rules = ParticipantRules(schedule: schedule, today: ConformanceFixture.today)
        let batch = try (0..<40_000).map { k in
            let enrollment = try rules.enroll(
                ConformanceFixture.record("IMP\(k)", site: ["unit-a", "unit-b"][k % 2])).get()
            return (enrollment: enrollment, flags: rules.flags(enrollment))
        }
        let importer = Task { () -> StoreError? in
            do {
                _ = try await store.importParticipants(batch, source: "restart", actor: "c", mode: .allOrNothing)
                return nil
            } catch let error as StoreError {
                return error
            } catch {
                Issue.record("not a store error: \(error)")
                return nil
            }
        }
        var holding = false
        for _ in 0..<1_500 where !holding {
            try await Task.sleep(for: .milliseconds(20))
            holding = try await PostgresTestDatabase.lockHeld(url: url)
        }
        #expect(holding, "the import never took the chain's lock")
        let restarted = Flag()
        let writer = Task { () -> [Attempt] in
            var attempts: [Attempt] = []
            var afterRestart = 0
            var k = 0
            while afterRestart < 20 && k < 20_000 {
                k += 1
                if restarted.isRaised { afterRestart += 1 }
                let id = "R\(k)"
                if let error = await Self.failure(of: store, enrolling: id) {
                    attempts.append(.failed(error))
                    try? await Task.sleep(for: .milliseconds(50))
                } else {
                    attempts.append(.acknowledged(id))
                }
            }
            return attempts
        }
        try await Task.sleep(for: .milliseconds(200))
        let status = try await Self.shell(restart)
        restarted.raise()
        #expect(status == 0)
        let importFailure = await importer.value
        #expect(importFailure.map(Self.isLostBeforeCommit) == true, "\(String(describing: importFailure))")
        let attempts = await writer.value
        let acknowledged = attempts.compactMap { if case .acknowledged(let id) = $0 { id } else { nil } }
        let failures = attempts.compactMap { if case .failed(let error) = $0 { error } else { nil } }
        let others = attempts.compactMap { if case .other(let text) = $0 { text } else { nil } }
        print("restart: \(acknowledged.count) acknowledged, \(failures.count) failed, \(others.count) other")
        for failure in Set(failures.map(\.localizedDescription)) { print("  \(failure)") }
        #expect(others.isEmpty, "\(others)")
        for failure in failures {
            guard case .connectionLost = failure else {
                Issue.record("not a lost-connection error: \(failure)")
                continue
            }
        }
        // Every acknowledged write is there; a failed one is there only when its outcome was unknown (lost at COMMIT).
        let dump = try await store.dump()
        let stored = Set(dump.participants.map(\.id))
        #expect(Set(acknowledged).isSubset(of: stored))
        let unknown = failures.filter { if case .connectionLost(_, _, true) = $0 { true } else { false } }.count
        #expect(stored.count - acknowledged.count <= unknown)
        #expect(!stored.contains { $0.hasPrefix("IMP") }, "the failed import left rows behind")
        #expect(dump.auditLog.count == dump.participants.count + 1)
        #expect(try await store.verifyAuditChain().isIntact)
        await store.close()
    }

    @Test("While the server is down a write fails within connect_timeout, and the next one after it is back succeeds",
          .enabled(if: Engine.postgresURL != nil && stop != nil && start != nil), .timeLimit(.minutes(2)))
    func serverDown() async throws {
        let (created, url) = try await ConformanceFixture.makeStore(.postgres)
        await created.close()
        // connect_timeout=3: an operation waits at most 3 seconds for a connection.
        let store = try await PostgresStudyStore.open(url: url + "&connect_timeout=3")
        _ = try await store.enroll(ConformanceFixture.record("UP1"), actor: "c", today: ConformanceFixture.today)
        #expect(try await Self.shell(try #require(Self.stop)) == 0)
        let clock = ContinuousClock()
        let began = clock.now
        let failure = await Self.failure(of: store, enrolling: "DOWN")
        let waited = clock.now - began
        #expect(failure.map(Self.isLostBeforeCommit) == true, "\(String(describing: failure))")
        #expect(waited < .seconds(3 + 3), "waited \(waited)")
        #expect(try await Self.shell(try #require(Self.start)) == 0)
        _ = try await store.enroll(ConformanceFixture.record("UP2"), actor: "c", today: ConformanceFixture.today)
        let dump = try await store.dump()
        #expect(dump.participants.map(\.id).sorted() == ["UP1", "UP2"])
        #expect(try await store.verifyAuditChain().isIntact)
        await store.close()
    }

    /// The store error of enrolling `id`, or nil when it was acknowledged; any other error fails the test.
    static func failure(of store: any StudyEngine, enrolling id: String) async -> StoreError? {
        do {
            _ = try await store.enroll(ConformanceFixture.record(id), actor: "c", today: ConformanceFixture.today)
            return nil
        } catch {
            return error
        }
    }

    /// Whether `error` is a lost connection with nothing sent to `COMMIT` (so nothing was written).
    static func isLostBeforeCommit(_ error: StoreError) -> Bool {
        if case .connectionLost(_, _, false) = error { true } else { false }
    }

    /// Runs `command` with `/bin/sh -c` and waits for it on a thread of its own (never on the cooperative pool,
    /// which the writes need), returning its exit status.
    static func shell(_ command: String) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var status: Int32 = 0
                let reaped = waitpid(pid, &status, 0)
                if reaped == pid {
                    continuation.resume(returning: (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1)
                } else {
                    // Foundation reaped it first.
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                }
            }
        }
    }
}
