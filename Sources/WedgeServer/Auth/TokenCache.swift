// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeStore

/// Recently checked tokens, for at most ``lifetime``: a client making many requests is checked against the
/// database once a second, not once a request (on PostgreSQL that query was a third of the server's work).
///
/// What it costs: a token revoked, or an account disabled, on *another* instance keeps working here for up to
/// ``lifetime``. On this instance the change takes effect at once (``forget(username:)``, ``forget(hash:)``).
/// Only valid tokens are cached; an unknown or refused one is checked every time.
final class TokenCache: @unchecked Sendable {
    /// How long a checked token is trusted without asking the database again.
    static let lifetime: TimeInterval = 1

    private let lock = NSLock()
    private var entries: [String: (principal: Principal, tokenID: String, expiresAt: String, checkedAt: Date)] = [:]

    /// The principal of the token with this hash, if it was checked less than ``lifetime`` ago and has not expired.
    func principal(hash: String, now: Date, timestamp: String) -> (Principal, String)? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[hash] else { return nil }
        guard now.timeIntervalSince(entry.checkedAt) < Self.lifetime, entry.expiresAt > timestamp else {
            entries[hash] = nil
            return nil
        }
        return (entry.principal, entry.tokenID)
    }

    /// Remembers a token just checked against the database.
    func remember(hash: String, principal: Principal, tokenID: String, expiresAt: String, now: Date) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count > 10_000 { entries.removeAll() }
        entries[hash] = (principal, tokenID, expiresAt, now)
    }

    /// Forgets every token of `username` (disabled, or its role changed).
    func forget(username: String) {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { $0.value.principal.username != username }
    }

    /// Forgets the token with this public id (revoked).
    func forget(tokenID: String) {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { $0.value.tokenID != tokenID }
    }
}
