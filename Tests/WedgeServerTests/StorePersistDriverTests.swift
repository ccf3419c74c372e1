// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Testing
@testable import WedgeServer
import WedgeStore
import WedgeTestSupportPostgres

/// The persist driver (sessions) on the study database: Hummingbird's contract, on both engines, and shared
/// between two "instances" (two drivers over one database).
@Suite("Server: the persist driver on the study database")
struct StorePersistDriverTests {
    struct Session: Codable, Sendable, Equatable {
        var username: String
        var csrf: String
    }

    final class Clock: @unchecked Sendable {
        var date = Date(timeIntervalSince1970: 1_700_000_000)
    }

    @Test("create, duplicate, set keeps the expiry, get, expiry, remove", arguments: Engine.available)
    func contract(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        let clock = Clock()
        let driver = StorePersistDriver(state: fixture.engine.serverState, now: { clock.date })
        let other = StorePersistDriver(state: fixture.engine.serverState, now: { clock.date })
        let session = Session(username: "coord-a", csrf: "x1")
        try await driver.create(key: "s1", value: session, expires: .seconds(60))
        await #expect(throws: PersistError.duplicate) { try await other.create(key: "s1", value: session, expires: nil) }
        #expect(try await other.get(key: "s1", as: Session.self) == session)
        let changed = Session(username: "coord-a", csrf: "x2")
        try await other.set(key: "s1", value: changed, expires: nil)
        let read = try #require(try await driver.getWithTTL(key: "s1", as: Session.self))
        #expect(read.object == changed)
        #expect(read.ttl == .seconds(60))
        clock.date += 61
        #expect(try await driver.get(key: "s1", as: Session.self) == nil)
        // An expired key may be created again.
        try await driver.create(key: "s1", value: session, expires: .seconds(60))
        try await driver.remove(key: "s1")
        #expect(try await other.get(key: "s1", as: Session.self) == nil)
        #expect(try await driver.get(key: "s1", as: Int.self) == nil)
        await fixture.engine.close()
    }
}
