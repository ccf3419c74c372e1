// SPDX-License-Identifier: Apache-2.0

/// An API token as stored in `server_token`: everything but the token itself, of which only a SHA-256 hash is kept.
public struct APIToken: Sendable, Equatable {
    /// A short public id (the first 12 hex digits of the hash), for listing and revoking.
    public var id: String
    /// The account the token acts as: it carries that account's role and site.
    public var username: String
    /// What it is for ("pharmacy feed").
    public var label: String
    /// When it was issued, ISO 8601 UTC.
    public var createdAt: String
    /// When it stops working, ISO 8601 UTC.
    public var expiresAt: String
    /// When it was revoked, if it was.
    public var revokedAt: String?

    /// A token record.
    public init(id: String, username: String, label: String, createdAt: String, expiresAt: String, revokedAt: String?) {
        self.id = id
        self.username = username
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// The columns ``init(row:)`` reads, in order.
    static let columns = "id, username, label, created_at, expires_at, revoked_at"

    /// A token from a row of ``columns``.
    init(row: ArraySlice<SQLValue>) throws(StoreError) {
        let row = Array(row)
        guard row.count == 6, let id = row[0].text, let username = row[1].text, let label = row[2].text,
              let created = row[3].text, let expires = row[4].text
        else { throw .inconsistentDatabase(problem: "a server_token row is malformed") }
        self.init(id: id, username: username, label: label, createdAt: created, expiresAt: expires,
                  revokedAt: row[5].text)
    }
}
