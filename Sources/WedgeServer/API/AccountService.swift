// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import WedgeStore

/// Account and token management, shared by the admin API and the `wedge-server users|tokens` commands, so both
/// apply the same rules: username form, password length, a site for (and only for) a site coordinator, a known
/// site, tokens of 256 random bits stored as a hash.
public struct AccountService: Sendable {
    let state: ServerState
    let sites: Set<String>
    let now: @Sendable () -> Date

    /// Management of `state`, for a study whose sites are `sites`.
    public init(state: ServerState, sites: Set<String>, now: @escaping @Sendable () -> Date = Date.init) {
        self.state = state
        self.sites = sites
        self.now = now
    }

    /// A refused account or token change: the field and the rule.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// "'username' is taken".
        public var description: String { "'\(field)' \(rule)." }
        /// The field at fault.
        public var field: String
        /// The rule it breaks.
        public var rule: String
        /// Whether it is a conflict with what exists (a taken username) rather than a malformed value.
        public var isConflict = false
        /// Whether the account or token does not exist.
        public var isMissing = false
    }

    /// Whether `username` has the accepted form.
    public static func isUsername(_ username: String) -> Bool {
        guard (2...32).contains(username.count), let first = username.unicodeScalars.first,
              ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return false }
        return username.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
    }

    private func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }

    /// Checks a role's site: required for a site coordinator and a site of the study; absent for the others.
    func checkSite(_ role: AccountRole, _ site: String?) throws(Refusal) {
        if role == .siteCoordinator {
            guard let site else { throw Refusal(field: "site", rule: "is required for a site coordinator") }
            guard sites.contains(site) else { throw Refusal(field: "site", rule: "is not a site of this study") }
        } else if site != nil {
            throw Refusal(field: "site", rule: "is only for a site coordinator")
        }
    }

    /// Creates an account.
    public func createUser(username: String, password: String, role: AccountRole, site: String?) async throws -> Account {
        guard Self.isUsername(username) else {
            throw Refusal(field: "username", rule: "must be 2 to 32 lower-case letters, digits, '.', '_' or '-'")
        }
        if let problem = Passwords.problem(password) { throw Refusal(field: "password", rule: problem) }
        try checkSite(role, site)
        let account = Account(username: username, role: role, siteID: site, isDisabled: false,
                              createdAt: timestamp(now()), passwordHash: Passwords.hash(password))
        guard let created = try await state.createAccount(account) else {
            throw Refusal(field: "username", rule: "is taken", isConflict: true)
        }
        return created
    }

    /// Changes a role (and site).
    public func setRole(username: String, role: AccountRole, site: String?) async throws -> Account {
        try checkSite(role, site)
        guard let account = try await state.setRole(username, role: role, siteID: site) else { throw missing(username) }
        return account
    }

    /// Disables an account: it can no longer log in, and its tokens stop working.
    public func disable(username: String) async throws -> Account {
        guard let account = try await state.setDisabled(username, true) else { throw missing(username) }
        return account
    }

    /// Sets a new password.
    public func resetPassword(username: String, password: String) async throws -> Account {
        if let problem = Passwords.problem(password) { throw Refusal(field: "password", rule: problem) }
        guard let account = try await state.setPasswordHash(username, Passwords.hash(password)) else {
            throw missing(username)
        }
        return account
    }

    /// Issues a token for `username`, valid `days` days; returns it (shown once) and its record.
    public func issueToken(username: String, label: String, days: Int) async throws -> (token: String, record: APIToken) {
        guard (1...365).contains(days) else { throw Refusal(field: "days", rule: "must be from 1 to 365") }
        guard (1...100).contains(label.count) else { throw Refusal(field: "label", rule: "must have 1 to 100 characters") }
        guard try await state.account(username) != nil else { throw missing(username) }
        let token = TokenCodec.generate(), hash = TokenCodec.hash(token)
        let issued = now()
        let record = APIToken(id: TokenCodec.id(ofHash: hash), username: username, label: label,
                              createdAt: timestamp(issued), expiresAt: timestamp(issued.addingTimeInterval(Double(days) * 86_400)),
                              revokedAt: nil)
        try await state.createToken(record, hash: hash)
        return (token, record)
    }

    /// Issues a login token valid `hours` hours.
    func issueSessionToken(username: String, hours: Int) async throws -> (token: String, record: APIToken) {
        let token = TokenCodec.generate(), hash = TokenCodec.hash(token)
        let issued = now()
        let record = APIToken(id: TokenCodec.id(ofHash: hash), username: username, label: "login",
                              createdAt: timestamp(issued), expiresAt: timestamp(issued.addingTimeInterval(Double(hours) * 3600)),
                              revokedAt: nil)
        try await state.createToken(record, hash: hash)
        return (token, record)
    }

    /// Revokes a token by id.
    public func revokeToken(id: String) async throws -> APIToken {
        guard let token = try await state.revokeToken(id: id, at: timestamp(now())) else {
            throw Refusal(field: "token_id", rule: "names no token", isMissing: true)
        }
        return token
    }

    private func missing(_ username: String) -> Refusal {
        Refusal(field: "username", rule: "names no account", isMissing: true)
    }
}
