// SPDX-License-Identifier: Apache-2.0

import NIOCore

/// Rows in PostgreSQL's COPY text format: fields separated by tabs, rows ended by newlines, `\N` for NULL, and
/// backslash, tab, newline and carriage return escaped, so that any text (a description with a line break, say)
/// arrives unchanged.
///
/// Related PostgreSQL documentation: <https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.2>
struct CopyText {
    /// The encoded rows.
    private(set) var buffer = ByteBuffer()
    /// How many rows were added.
    private(set) var rows = 0

    /// Adds one row; `nil` is NULL, a `Bool` is `t` or `f`.
    mutating func add(_ fields: [CopyField]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            switch field {
            case .null: buffer.writeStaticString("\\N")
            case .bool(let value): buffer.writeInteger(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
            case .int(let value): buffer.writeString(String(value))
            case .text(let value): writeEscaped(value)
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
        rows += 1
    }

    private mutating func writeEscaped(_ text: String) {
        if !text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            buffer.writeString(text)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x5C: buffer.writeStaticString("\\\\")
            case 0x09: buffer.writeStaticString("\\t")
            case 0x0A: buffer.writeStaticString("\\n")
            case 0x0D: buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }
}

/// One field of a COPY row.
enum CopyField {
    case null
    case bool(Bool)
    case int(Int64)
    case text(String)

    /// The text of a `.text` field, else `nil`.
    var text: String? {
        if case .text(let value) = self { value } else { nil }
    }

    /// Text, or NULL for `nil`.
    static func optional(_ value: String?) -> CopyField { value.map(CopyField.text) ?? .null }
}
