// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore

/// API tokens: 256 random bits written as 43 base64url characters after a `wdg_` prefix. Only the SHA-256 hash is
/// stored; the first 12 hex digits of the hash are the token's public id.
public enum TokenCodec {
    /// A new random token.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "wdg_" + text
    }

    /// The stored form of `token`: its SHA-256 hash in lower-case hex.
    public static func hash(_ token: String) -> String {
        Digest.sha256Hex(of: Data(token.utf8))
    }

    /// The public id of a token with this hash.
    public static func id(ofHash hash: String) -> String { String(hash.prefix(12)) }
}
