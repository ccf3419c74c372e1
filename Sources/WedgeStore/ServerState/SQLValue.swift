// SPDX-License-Identifier: Apache-2.0

/// A value bound to, or read from, a server-state statement (``ServerStateDatabase``): the two column kinds the
/// `v2-server` tables use, and NULL.
package enum SQLValue: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case null

    /// The text, or `nil` for NULL or a number.
    package var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The number, or `nil` for NULL or text.
    package var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// `.text(value)`, or `.null` for `nil`.
    package static func optional(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
}
