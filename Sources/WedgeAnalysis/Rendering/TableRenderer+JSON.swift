// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

extension TableRenderer {
    /// The table as a JSON value: `{"id", "title", "columns", "rows", "notes"}`; cells are the formatted
    /// strings every other format shows.
    public static func json(_ table: ReportTable) -> JSONValue {
        .object([
            ("id", .string(table.id)),
            ("title", .string(table.title)),
            ("columns", .array(table.columns.map { .string($0) })),
            ("rows", .array(table.rows.map { .array($0.map { .string($0) }) })),
            ("notes", .array(table.notes.map { .string($0) })),
        ])
    }
}
