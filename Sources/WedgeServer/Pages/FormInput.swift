// SPDX-License-Identifier: Apache-2.0

import WedgeCore
import Foundation

/// A submitted HTML form (`application/x-www-form-urlencoded`, as every page's form posts): its fields by name.
///
/// Parsing follows the WHATWG URL standard's `application/x-www-form-urlencoded` parser: `&`-separated pairs,
/// `+` for a space, percent-escapes decoded as UTF-8 (a malformed escape is kept as written).
struct FormInput: Sendable {
    /// Every field's values, in the order sent.
    private(set) var fields: [String: [String]] = [:]

    /// The form in `body`.
    init(_ body: Data) {
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0]), value = parts.count > 1 ? Self.decode(parts[1]) : ""
            fields[name, default: []].append(value)
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The field's first value as sent, or `nil` when absent.
    func raw(_ name: String) -> String? { fields[name]?.first }

    /// The field's first value without surrounding white space, or `nil` when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = raw(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
