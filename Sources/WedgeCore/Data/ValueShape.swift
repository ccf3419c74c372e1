// SPDX-License-Identifier: Apache-2.0

/// Describes a value without revealing it: digits become `9`, letters `a` (or `A`), other characters stay.
///
/// `"21/03/2021"` → `"99/99/9999"`, `"M"` → `"A"`, `"yes "` → `"aaa "`. Longer than 24 characters, the
/// shape is cut and its length given.
public enum ValueShape {
    /// The shape of `value`.
    public static func of(_ value: String) -> String {
        let mapped = String(value.prefix(24).map { c -> Character in
            if c.isNumber { return "9" }
            if c.isLetter { return c.isUppercase ? "A" : "a" }
            return c
        })
        return value.count > 24 ? mapped + "… (\(value.count) characters)" : mapped
    }
}
