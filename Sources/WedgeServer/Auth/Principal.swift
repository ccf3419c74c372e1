// SPDX-License-Identifier: Apache-2.0

public import WedgeStore

/// Who is making a request: the account behind a valid bearer token, with its role and site.
public struct Principal: Sendable, Equatable {
    /// The account's username, written into audit entries with the role.
    public var username: String
    /// What the account may do.
    public var role: AccountRole
    /// A site coordinator's site; `nil` for the other roles.
    public var siteID: String?

    /// A principal.
    public init(username: String, role: AccountRole, siteID: String?) {
        self.username = username
        self.role = role
        self.siteID = siteID
    }

    /// The actor recorded in audit entries: `username (role)`.
    public var actor: String { "\(username) (\(role.rawValue))" }
}
