// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore

@Suite("Creating and opening a study database")
struct StudyStoreCreateTests {
    @Test("create stores the protocol and schedule, and they read back equal", arguments: StoreKind.allCases)
    func createRoundTrip(kind: StoreKind) throws {
        let loaded = try StoreFixture.loaded()
        let (store, directory) = try StoreFixture.makeStore(kind, loaded: loaded)
        #expect(try store.fetchSchedule() == StoreFixture.schedule(for: loaded))
        #expect(try store.fetchProtocol() == loaded)
        let trail = try store.auditTrail(participantID: nil)
        #expect(trail.count == 1)
        #expect(trail.first?.action == .createStudy)
        #expect(trail.first?.at == StoreFixture.createdAt)
        #expect(try store.verifyAuditChain().isIntact)
        _ = directory
    }

    @Test("a file database reopens with the same study and participants")
    func reopen() throws {
        let loaded = try StoreFixture.loaded()
        let directory = try TemporaryDirectory()
        let path = directory.path("study.wedge")
        let schedule = StoreFixture.schedule(for: loaded)
        let rows = try StoreFixture.threeParticipants(schedule)
        do {
            let store = try StudyStore.create(at: path, protocol: loaded, schedule: schedule, createdAt: StoreFixture.createdAt)
            try store.importParticipants(rows, source: "sites.csv", actor: "tester")
        }
        let reopened = try StudyStore.open(at: path)
        #expect(try reopened.fetchSchedule() == schedule)
        let snapshot = try reopened.fetchSnapshot(dataLockDate: StoreFixture.today)
        #expect(snapshot.enrollments == rows.map(\.enrollment).sorted { $0.record.id < $1.record.id })
        #expect(snapshot.loadedProtocol == loaded)
        #expect(try reopened.verifyAuditChain().isIntact)
    }

    @Test("create refuses an existing database file and leaves it alone")
    func refusesExistingDatabase() throws {
        let loaded = try StoreFixture.loaded()
        let directory = try TemporaryDirectory()
        let path = directory.path("study.wedge")
        let schedule = StoreFixture.schedule(for: loaded)
        let store = try StudyStore.create(at: path, protocol: loaded, schedule: schedule, createdAt: StoreFixture.createdAt)
        try store.importParticipants(try StoreFixture.threeParticipants(schedule), source: "a.csv", actor: "tester")
        #expect(throws: StoreError.fileExists(path: path)) {
            try StudyStore.create(at: path, protocol: loaded, schedule: schedule, createdAt: StoreFixture.createdAt)
        }
        #expect(try store.fetchSnapshot(dataLockDate: StoreFixture.today).enrollments.count == 3)
        let message = StoreError.fileExists(path: path).errorDescription ?? ""
        #expect(message.contains(path) && message.contains("new path"))
    }

    @Test("create refuses any existing file, whatever it holds")
    func refusesExistingFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.txt")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try StoreFixture.loaded()
        #expect(throws: StoreError.fileExists(path: path)) {
            try StudyStore.create(at: path, protocol: loaded, schedule: StoreFixture.schedule(for: loaded),
                                  createdAt: StoreFixture.createdAt)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test("create in a missing folder fails and leaves nothing behind")
    func missingFolder() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("no/such/folder/study.wedge")
        let loaded = try StoreFixture.loaded()
        let error = #expect(throws: StoreError.self) {
            try StudyStore.create(at: path, protocol: loaded, schedule: StoreFixture.schedule(for: loaded),
                                  createdAt: StoreFixture.createdAt)
        }
        guard case .database(_, _, let code, _) = error else {
            Issue.record("expected a database error, got \(String(describing: error))")
            return
        }
        #expect(code == 14)  // SQLITE_CANTOPEN
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("open reports a missing file and a file that is not a Wedge database")
    func openErrors() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("missing.wedge")
        #expect(throws: StoreError.fileNotFound(path: missing)) { try StudyStore.open(at: missing) }
        let text = directory.path("notes.wedge")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.notAWedgeDatabase(path: text)) { try StudyStore.open(at: text) }
        let empty = directory.path("empty.wedge")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: StoreError.notAWedgeDatabase(path: empty)) { try StudyStore.open(at: empty) }
    }

    @Test("create refuses a schedule drawn for another protocol")
    func mismatchedSchedule() throws {
        let loaded = try StoreFixture.loaded()
        let other = try StoreFixture.loadedWithTransition()
        let error = #expect(throws: StoreError.self) {
            try StudyStore.create(at: nil, protocol: loaded, schedule: StoreFixture.schedule(for: other),
                                  createdAt: StoreFixture.createdAt)
        }
        guard case .invalidStudy = error else {
            Issue.record("expected invalidStudy, got \(String(describing: error))")
            return
        }
    }
}
