// SPDX-License-Identifier: Apache-2.0

import WedgeCore

/// Rows for one table, their fields in ``columns``' order: sent by COPY when a transaction writes many
/// (``copyText``), or as one JSON parameter of a ``WriteStatement`` when it writes few (``json``).
struct TableRows {
    /// The table.
    let table: String
    /// Its columns, in the order of every row's fields.
    let columns: [String]
    /// The rows.
    private(set) var rows: [[CopyField]] = []

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
    }

    /// Adds a row; `fields` are in ``columns``' order.
    mutating func add(_ fields: [CopyField]) {
        precondition(fields.count == columns.count, "\(table): \(fields.count) fields for \(columns.count) columns")
        rows.append(fields)
    }

    /// Whether there is no row.
    var isEmpty: Bool { rows.isEmpty }

    /// The rows in COPY's text format.
    var copyText: CopyText {
        var text = CopyText()
        for row in rows { text.add(row) }
        return text
    }

    /// The rows as a JSON array of objects keyed by column, for `jsonb_populate_recordset(NULL::table, …)`, which
    /// gives each value its column's type.
    var json: String {
        let keys = columns.map { column -> String in
            var key = ""
            JSONValue.quote(column, into: &key)
            return key + ":"
        }
        var out = "["
        for (n, row) in rows.enumerated() {
            out.append(n == 0 ? "{" : ",{")
            for (k, field) in row.enumerated() {
                if k > 0 { out.append(",") }
                out.append(keys[k])
                switch field {
                case .null: out.append("null")
                case .bool(let value): out.append(value ? "true" : "false")
                case .int(let value): out.append(String(value))
                case .text(let value): JSONValue.quote(value, into: &out)
                }
            }
            out.append("}")
        }
        out.append("]")
        return out
    }
}
