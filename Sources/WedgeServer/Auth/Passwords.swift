// SPDX-License-Identifier: Apache-2.0

import HummingbirdBcrypt

/// Password rules and bcrypt hashing (hummingbird-auth's `Bcrypt`, cost 12).
///
/// Verification of an unknown or disabled account still runs one bcrypt comparison against a fixed hash, so the
/// response time does not tell whether an account exists.
public enum Passwords {
    /// The shortest password accepted.
    public static let minimumLength = 12
    /// The longest password accepted (bcrypt reads at most 72 bytes; longer ones are refused, not cut).
    public static let maximumLength = 72
    /// bcrypt's cost factor: 2^12 rounds, about 0.2 s here.
    public static let cost: UInt8 = 12

    /// Why `password` is not acceptable, or `nil` when it is.
    public static func problem(_ password: String) -> String? {
        if password.count < minimumLength { return "must be at least \(minimumLength) characters" }
        if password.utf8.count > maximumLength { return "must be at most \(maximumLength) bytes" }
        return nil
    }

    /// A random password of 20 characters (about 115 bits), for new accounts and resets.
    public static func generate() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The bcrypt hash of `password`.
    public static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    /// Whether `password` matches `hash`; with `hash` `nil` (no such account) it compares against a fixed hash and
    /// returns `false`, taking the same time.
    public static func verify(_ password: String, hash: String?) -> Bool {
        let matches = Bcrypt.verify(password, hash: hash ?? dummyHash)
        return hash != nil && matches
    }

    /// A hash of a random string, for accounts that do not exist.
    private static let dummyHash = Bcrypt.hash(TokenCodec.generate(), cost: cost)
}
