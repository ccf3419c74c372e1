// SPDX-License-Identifier: Apache-2.0

/// A server account as stored in `server_user`.
public struct Account: Sendable, Equatable {
    /// The login name: lower-case letters, digits, `.`, `_` and `-`.
    public var username: String
    /// What the account may do.
    public var role: AccountRole
    /// The site of a site coordinator; `nil` for every other role.
    public var siteID: String?
    /// A disabled account can neither log in nor use its tokens.
    public var isDisabled: Bool
    /// When it was created, ISO 8601 UTC.
    public var createdAt: String
    /// The bcrypt hash of the password (never the password).
    public var passwordHash: String

    /// An account.
    public init(username: String, role: AccountRole, siteID: String?, isDisabled: Bool, createdAt: String,
                passwordHash: String) {
        self.username = username
        self.role = role
        self.siteID = siteID
        self.isDisabled = isDisabled
        self.createdAt = createdAt
        self.passwordHash = passwordHash
    }

    /// The columns ``init(row:)`` reads, in order.
    static let columns = "username, role, site_id, is_disabled, created_at, password_hash"

    /// An account from a row of ``columns``.
    init(row: [SQLValue]) throws(StoreError) {
        guard row.count == 6, let username = row[0].text, let role = row[1].text.flatMap(AccountRole.init(rawValue:)),
              let disabled = row[3].integer, let created = row[4].text, let hash = row[5].text
        else { throw .inconsistentDatabase(problem: "a server_user row is malformed") }
        self.init(username: username, role: role, siteID: row[2].text, isDisabled: disabled != 0, createdAt: created,
                  passwordHash: hash)
    }
}
