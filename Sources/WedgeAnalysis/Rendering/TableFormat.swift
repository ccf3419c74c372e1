// SPDX-License-Identifier: Apache-2.0

/// The formats a ``ReportTable`` renders to.
public enum TableFormat: String, Sendable, CaseIterable {
    /// An aligned table for the terminal.
    case text
    /// A GitHub-flavoured Markdown table.
    case markdown = "md"
    /// RFC 4180 CSV: a header row and data rows (title and notes are left out).
    case csv
    /// A JSON object: id, title, columns, rows (formatted cells) and notes.
    case json
    /// A LaTeX `table` float with a booktabs `tabular`.
    case latex
}
