// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import Hummingbird
public import WedgeStore

/// Hummingbird's persist driver on the study database (``WedgeStore/ServerState``, table `server_persist`), so that
/// what hummingbird-auth's session middleware keeps (sessions) is shared by every instance on the same database,
/// on either engine. Values are stored as JSON; expiries in milliseconds since 1970. Keys are stored as their
/// SHA-256 hash, as tokens are: a session's key holds its id, a bearer secret, which a reader of the database
/// must not be able to replay.
public struct StorePersistDriver: PersistDriver {
    let state: ServerState
    let now: @Sendable () -> Date

    /// A driver over `state`.
    public init(state: ServerState, now: @escaping @Sendable () -> Date = Date.init) {
        self.state = state
        self.now = now
    }

    private func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    private func expiry(_ expires: Duration?) -> Int64? {
        expires.map { milliseconds(now()) + $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000 }
    }

    /// The stored form of `key`.
    private func stored(_ key: String) -> String { TokenCodec.hash(key) }

    private func text(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    public func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try await state.persistCreate(key: stored(key), value: try text(value), expiresAt: expiry(expires),
                                            now: milliseconds(now())) else { throw PersistError.duplicate }
    }

    public func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await state.persistSet(key: stored(key), value: try text(value), expiresAt: expiry(expires))
    }

    public func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    public func getWithTTL<Object: Codable & Sendable>(
        key: String, as: Object.Type
    ) async throws -> (object: Object, ttl: Duration?)? {
        let current = milliseconds(now())
        guard let (value, expiresAt) = try await state.persistGet(key: stored(key), now: current),
              let object = try? JSONDecoder().decode(Object.self, from: Data(value.utf8)) else { return nil }
        return (object, expiresAt.map { .milliseconds($0 - current) })
    }

    public func remove(key: String) async throws {
        try await state.persistRemove(key: stored(key), now: milliseconds(now()))
    }
}
