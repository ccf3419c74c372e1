// SPDX-License-Identifier: Apache-2.0

/// Draws seeds from the system's secure generator when the user gives none.
public enum SeedGenerator {
    /// A fresh 128-bit seed from `SystemRandomNumberGenerator` (the OS CSPRNG), as 32 lowercase hex digits.
    public static func secureSeed() -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(rng.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
