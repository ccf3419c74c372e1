// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeStore

/// Accounts and tokens as the API writes them (`User` and `Token` in `docs/openapi.json`): never a hash.
enum AccountJSON {
    static func user(_ account: Account) -> [String: Any] {
        ["username": account.username, "role": account.role.rawValue, "site": account.siteID ?? NSNull(),
         "disabled": account.isDisabled, "created_at": account.createdAt]
    }

    static func token(_ token: APIToken) -> [String: Any] {
        ["id": token.id, "username": token.username, "label": token.label, "created_at": token.createdAt,
         "expires_at": token.expiresAt, "revoked": token.revokedAt != nil]
    }
}
