// SPDX-License-Identifier: Apache-2.0


/// A JSON value with a canonical, deterministic serialization.
///
/// Objects keep their keys in the order given (so documents read in a sensible order and serialize identically
/// every time); numbers are written with Swift's shortest round-trip representation; strings are escaped per
/// RFC 8259. Used for every JSON that Wedge writes, and for the schedule commitment digest.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// A string, or `null` when `nil`.
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// The JSON text: compact, or indented by two spaces with a final newline when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return pretty ? out + "\n" : out
    }

    /// Appends the text to `out`, piece by piece (no intermediate strings: every JSON response and every batch
    /// of rows sent to PostgreSQL is written here).
    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(String(i))
        case .double(let d): out.append(d.isFinite ? (d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : "\(d)") : "null")
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[")
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(",") }
                Self.breakLine(&out, pretty: pretty, indent: indent + 1)
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            Self.breakLine(&out, pretty: pretty, indent: indent)
            out.append("]")
        case .object(let pairs):
            if pairs.isEmpty { out.append("{}"); return }
            out.append("{")
            for (k, (key, value)) in pairs.enumerated() {
                if k > 0 { out.append(",") }
                Self.breakLine(&out, pretty: pretty, indent: indent + 1)
                Self.quote(key, into: &out)
                out.append(pretty ? ": " : ":")
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            Self.breakLine(&out, pretty: pretty, indent: indent)
            out.append("}")
        }
    }

    /// When `pretty`, a newline and `indent` levels of two spaces.
    private static func breakLine(_ out: inout String, pretty: Bool, indent: Int) {
        guard pretty else { return }
        out.append("\n")
        for _ in 0..<indent { out.append("  ") }
    }

    /// Appends `s` as a JSON string literal (RFC 8259 escapes), for callers that write JSON text directly.
    public static func quote(_ s: String, into out: inout String) {
        out.append("\"")
        // Most strings need no escape: copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(s)
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                case "\n": out.append("\\n")
                case "\r": out.append("\\r")
                case "\t": out.append("\\t")
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }
}
