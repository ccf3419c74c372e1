// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import HTTPTypes
import WedgeStore

/// The password check behind both doors, the API's `POST /api/v1/login` and the login page, with its throttling.
///
/// Throttling is kept in the database (``WedgeStore/ServerState``), so every instance counts the same failures:
/// 5 failures of one account, or 20 from one address, within 15 minutes lock that account or address out for
/// 15 minutes (429 with `Retry-After`). The answer to a wrong password, an unknown account and a disabled one is
/// the same, and takes the same bcrypt time.
struct LoginGate {
    let services: ServerServices

    static let window: Int64 = 15 * 60
    static let accountLimit: Int64 = 5
    static let addressLimit: Int64 = 20
    static let lockout: Int64 = 15 * 60

    /// The enabled account whose password is `password`; else a 401 problem, or 429 while locked out. Both
    /// outcomes are written to the security log.
    func authenticate(username: String, password: String, address: String) async throws -> Account {
        let state = services.state
        let now = Int64(services.now().timeIntervalSince1970)
        let subjects = ["user:\(username)", "address:\(address)"]
        for subject in subjects {
            let until = try await RouteSupport.store { () async throws(StoreError) in try await state.lockedUntil(subject) }
            if until > now { throw throttled(until - now, username: username, address: address) }
        }
        let account = try await RouteSupport.store { () async throws(StoreError) in try await state.account(username) }
        let usable = account.map { !$0.isDisabled } ?? false
        guard let account, Passwords.verify(password, hash: usable ? account.passwordHash : nil) else {
            services.securityLog.notice("login failed", metadata: ["user": "\(username)", "address": "\(address)"])
            var locked: Int64 = 0
            for (subject, limit) in zip(subjects, [Self.accountLimit, Self.addressLimit]) {
                let until = try await RouteSupport.store { () async throws(StoreError) in
                    try await state.recordFailure(subject, now: now, window: Self.window, limit: limit, lockout: Self.lockout)
                }
                locked = max(locked, until)
            }
            if locked > now { throw throttled(locked - now, username: username, address: address) }
            throw Problem(.unauthorized, "Login failed", "The username or password is wrong, or the account is disabled.")
        }
        try await RouteSupport.store { () async throws(StoreError) in try await state.clearFailures(subjects[0]) }
        return account
    }

    private func throttled(_ seconds: Int64, username: String, address: String) -> Problem {
        services.securityLog.warning("login throttled", metadata: ["user": "\(username)", "address": "\(address)"])
        var problem = Problem(.tooManyRequests, "Too many failed logins",
                              "Too many failed logins for this account or address; try again in \(seconds) seconds.")
        problem.headers[.retryAfter] = "\(seconds)"
        return problem
    }
}
