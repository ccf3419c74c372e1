// SPDX-License-Identifier: Apache-2.0

/// The server's shared state in the study database (the `v2-server` tables), the same on both engines: accounts,
/// API tokens, login-throttling counters and idempotency keys. Kept in the database, not in one process's memory,
/// so that several `wedge-server` instances sharing one database behave as one.
///
/// Every method is one atomic statement. Passwords and tokens never reach this type: it stores the bcrypt hash
/// and the token's SHA-256 hash that the caller computed.
public struct ServerState: Sendable {
    let database: any ServerStateDatabase

    /// The state in `database` (a ``StudyStore`` or `PostgresStudyStore`).
    package init(_ database: any ServerStateDatabase) {
        self.database = database
    }

    private func rows(_ sql: String, _ arguments: [SQLValue], _ operation: String) async throws(StoreError) -> [[SQLValue]] {
        try await database.rows(sql, arguments, operation: operation)
    }

    // MARK: Accounts

    /// Creates an account; `nil` when the username is taken.
    public func createAccount(_ account: Account) async throws(StoreError) -> Account? {
        let rows = try await rows("""
            INSERT INTO server_user (username, password_hash, role, site_id, is_disabled, created_at)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING RETURNING \(Account.columns)
            """, [.text(account.username), .text(account.passwordHash), .text(account.role.rawValue),
                  .optional(account.siteID), .integer(account.isDisabled ? 1 : 0), .text(account.createdAt)],
            "create an account")
        return try rows.first.map { row throws(StoreError) in try Account(row: row) }
    }

    /// The account named `username`, if any.
    public func account(_ username: String) async throws(StoreError) -> Account? {
        try await rows("SELECT \(Account.columns) FROM server_user WHERE username = ?", [.text(username)],
                       "read an account").first.map { row throws(StoreError) in try Account(row: row) }
    }

    /// Every account, by username.
    public func accounts() async throws(StoreError) -> [Account] {
        var result: [Account] = []
        for row in try await rows("SELECT \(Account.columns) FROM server_user ORDER BY username", [], "list accounts") {
            result.append(try Account(row: row))
        }
        return result
    }

    /// Changes an account's role and site; `nil` when there is no such account.
    public func setRole(_ username: String, role: AccountRole, siteID: String?) async throws(StoreError) -> Account? {
        try await update(username, "role = ?, site_id = ?", [.text(role.rawValue), .optional(siteID)], "change a role")
    }

    /// Disables (or enables) an account; `nil` when there is no such account.
    public func setDisabled(_ username: String, _ disabled: Bool) async throws(StoreError) -> Account? {
        try await update(username, "is_disabled = ?", [.integer(disabled ? 1 : 0)], "disable an account")
    }

    /// Replaces an account's password hash; `nil` when there is no such account.
    public func setPasswordHash(_ username: String, _ hash: String) async throws(StoreError) -> Account? {
        try await update(username, "password_hash = ?", [.text(hash)], "reset a password")
    }

    private func update(
        _ username: String, _ assignments: String, _ values: [SQLValue], _ operation: String
    ) async throws(StoreError) -> Account? {
        try await rows("UPDATE server_user SET \(assignments) WHERE username = ? RETURNING \(Account.columns)",
                       values + [.text(username)], operation).first.map { row throws(StoreError) in try Account(row: row) }
    }

    // MARK: Tokens

    /// Stores a token by its hash.
    public func createToken(_ token: APIToken, hash: String) async throws(StoreError) {
        _ = try await rows("""
            INSERT INTO server_token (token_hash, id, username, label, created_at, expires_at, revoked_at)
            VALUES (?, ?, ?, ?, ?, ?, NULL) RETURNING id
            """, [.text(hash), .text(token.id), .text(token.username), .text(token.label), .text(token.createdAt),
                  .text(token.expiresAt)], "issue a token")
    }

    /// The token with this hash and its account, if any (expired, revoked or disabled ones too: the caller decides).
    public func token(hash: String) async throws(StoreError) -> (token: APIToken, account: Account)? {
        let tokenColumns = APIToken.columns.split(separator: ", ").map { "t.\($0)" }.joined(separator: ", ")
        let accountColumns = Account.columns.split(separator: ", ").map { "u.\($0)" }.joined(separator: ", ")
        guard let row = try await rows("""
            SELECT \(tokenColumns), \(accountColumns) FROM server_token t
            JOIN server_user u ON u.username = t.username WHERE t.token_hash = ?
            """, [.text(hash)], "check a token").first else { return nil }
        return (try APIToken(row: row[0..<6]), try Account(row: Array(row[6...])))
    }

    /// Every token, newest first.
    public func tokens() async throws(StoreError) -> [APIToken] {
        var result: [APIToken] = []
        for row in try await rows("SELECT \(APIToken.columns) FROM server_token ORDER BY created_at DESC, id",
                                  [], "list tokens") {
            result.append(try APIToken(row: row[...]))
        }
        return result
    }

    /// Revokes a token (a revoked one keeps its first revocation time); `nil` when there is no such token.
    public func revokeToken(id: String, at: String) async throws(StoreError) -> APIToken? {
        try await rows("""
            UPDATE server_token SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING \(APIToken.columns)
            """, [.text(at), .text(id)], "revoke a token").first.map { row throws(StoreError) in try APIToken(row: row[...]) }
    }

    // MARK: Login throttling

    /// Until when (Unix seconds) `subject` (`user:NAME` or `address:IP`) is locked out; 0 when it is not.
    public func lockedUntil(_ subject: String) async throws(StoreError) -> Int64 {
        try await rows("SELECT locked_until FROM server_throttle WHERE subject = ?", [.text(subject)],
                       "check login throttling").first?.first?.integer ?? 0
    }

    /// Counts a failed login of `subject` at `now`, in a window of `window` seconds; at `limit` failures in the
    /// window the subject is locked for `lockout` seconds. Returns the time it is locked until (0 when it is not).
    public func recordFailure(
        _ subject: String, now: Int64, window: Int64, limit: Int64, lockout: Int64
    ) async throws(StoreError) -> Int64 {
        // One statement, so that failures counted by two instances at once are both counted.
        let rows = try await rows("""
            INSERT INTO server_throttle (subject, failures, window_start, locked_until) VALUES (?, 1, ?, 0)
            ON CONFLICT (subject) DO UPDATE SET
                failures = CASE WHEN server_throttle.window_start + ? <= ? THEN 1 ELSE server_throttle.failures + 1 END,
                window_start = CASE WHEN server_throttle.window_start + ? <= ? THEN ? ELSE server_throttle.window_start END
            RETURNING failures
            """, [.text(subject), .integer(now), .integer(window), .integer(now), .integer(window), .integer(now),
                  .integer(now)], "count a failed login")
        guard let failures = rows.first?.first?.integer, failures >= limit else { return 0 }
        let until = now + lockout
        _ = try await self.rows("UPDATE server_throttle SET locked_until = ? WHERE subject = ? RETURNING subject",
                                [.integer(until), .text(subject)], "lock out a login")
        return until
    }

    /// Forgets `subject`'s failed logins (after a successful one).
    public func clearFailures(_ subject: String) async throws(StoreError) {
        _ = try await rows("DELETE FROM server_throttle WHERE subject = ? RETURNING subject", [.text(subject)],
                           "reset login throttling")
    }

    // MARK: Idempotency keys

    /// Reserves `key` of `username` for a request whose canonical form hashes to `requestHash`, or reports what
    /// holds it.
    public func claimIdempotencyKey(
        username: String, key: String, requestHash: String, at: String
    ) async throws(StoreError) -> IdempotencyClaim {
        let inserted = try await rows("""
            INSERT INTO server_idempotency (username, key, request_hash, status, response, created_at)
            VALUES (?, ?, ?, NULL, NULL, ?) ON CONFLICT (username, key) DO NOTHING RETURNING key
            """, [.text(username), .text(key), .text(requestHash), .text(at)], "reserve an idempotency key")
        if !inserted.isEmpty { return .claimed }
        guard let row = try await rows("""
            SELECT request_hash, status, response FROM server_idempotency WHERE username = ? AND key = ?
            """, [.text(username), .text(key)], "read an idempotency key").first else { return .inFlight }
        guard row[0].text == requestHash else { return .mismatch }
        guard let status = row[1].integer, let response = row[2].text else { return .inFlight }
        return .replay(status: Int(status), response: response)
    }

    /// Stores the response of the request that claimed `key`, for replays.
    public func completeIdempotencyKey(
        username: String, key: String, status: Int, response: String
    ) async throws(StoreError) {
        _ = try await rows(Self.answerSQL + " RETURNING key",
                           [.integer(Int64(status)), .text(response), .text(username), .text(key)],
                           "store an idempotent response")
    }

    /// The statement that stores a claimed key's answer; its arguments are the status, the response, the username
    /// and the key. SQLite's group commit sends it in the write's own transaction (``IdempotentAnswer``).
    package static let answerSQL = "UPDATE server_idempotency SET status = ?, response = ? WHERE username = ? AND key = ?"

    /// Releases `key` after a request that wrote nothing and may be retried (the database was unreachable).
    public func releaseIdempotencyKey(username: String, key: String) async throws(StoreError) {
        _ = try await rows("""
            DELETE FROM server_idempotency WHERE username = ? AND key = ? AND status IS NULL RETURNING key
            """, [.text(username), .text(key)], "release an idempotency key")
    }

    // MARK: Key–value store with expiry (Hummingbird's persist driver: sessions)

    /// Stores `value` under `key` unless a live value is there (an expired one is replaced); returns whether it
    /// stored. `expiresAt` is in milliseconds since 1970, `nil` for never.
    public func persistCreate(key: String, value: String, expiresAt: Int64?, now: Int64) async throws(StoreError) -> Bool {
        !(try await rows("""
            INSERT INTO server_persist (key, value, expires_at) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
            WHERE server_persist.expires_at IS NOT NULL AND server_persist.expires_at <= ?
            RETURNING key
            """, [.text(key), .text(value), expiresAt.map(SQLValue.integer) ?? .null, .integer(now)],
            "store a session value")).isEmpty
    }

    /// Stores `value` under `key`, replacing any; without `expiresAt`, an existing expiry is kept.
    public func persistSet(key: String, value: String, expiresAt: Int64?) async throws(StoreError) {
        _ = try await rows("""
            INSERT INTO server_persist (key, value, expires_at) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                expires_at = COALESCE(excluded.expires_at, server_persist.expires_at)
            RETURNING key
            """, [.text(key), .text(value), expiresAt.map(SQLValue.integer) ?? .null], "store a session value")
    }

    /// The live value under `key` and its expiry, if any.
    public func persistGet(key: String, now: Int64) async throws(StoreError) -> (value: String, expiresAt: Int64?)? {
        guard let row = try await rows("""
            SELECT value, expires_at FROM server_persist WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)
            """, [.text(key), .integer(now)], "read a session value").first, let value = row[0].text else { return nil }
        return (value, row[1].integer)
    }

    /// Removes the value under `key`, and every value that has expired.
    public func persistRemove(key: String, now: Int64) async throws(StoreError) {
        _ = try await rows("""
            DELETE FROM server_persist WHERE key = ? OR (expires_at IS NOT NULL AND expires_at <= ?) RETURNING key
            """, [.text(key), .integer(now)], "remove a session value")
    }
}
