// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeCore

/// Renders ``ReportTable``s as text, Markdown, CSV, JSON or LaTeX. Output is deterministic, byte for byte.
///
/// A first-column cell that starts with two spaces is a sub-row (a level under a characteristic); text and CSV
/// keep the spaces, Markdown writes them as an em space, LaTeX as `\quad`, HTML as an indent.
public enum TableRenderer {
    /// Renders `table` in `format`; the result ends with a newline.
    public static func render(_ table: ReportTable, as format: TableFormat) -> String {
        switch format {
        case .text: return text(table)
        case .markdown: return markdown(table)
        case .csv: return CSVWriter.document(header: table.columns, rows: table.rows)
        case .json: return json(table).serialized(pretty: true) + "\n"
        case .latex: return latex(table)
        }
    }

    static func text(_ table: ReportTable) -> String {
        let widths = table.columns.indices.map { c in
            ([table.columns[c]] + table.rows.map { $0[c] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return table.alignments[c] == .left ? cells[c] + pad : pad + cells[c]
            }.joined(separator: "  ").trailingSpacesRemoved()
        }
        let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1))
        var out = [table.title, rule, line(table.columns), rule] + table.rows.map(line) + [rule]
        out += table.notes
        return out.joined(separator: "\n") + "\n"
    }

    static func markdown(_ table: ReportTable) -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = ["### " + table.title, ""]
        out.append("| " + table.columns.map(escape).joined(separator: " | ") + " |")
        out.append("|" + table.alignments.map { $0 == .left ? " :--- |" : " ---: |" }.joined())
        out += table.rows.map { row in
            let cells = row.enumerated().map { c, cell in
                c == 0 && cell.hasPrefix("  ") ? "&emsp;" + escape(String(cell.dropFirst(2))) : escape(cell)
            }
            return "| " + cells.joined(separator: " | ") + " |"
        }
        if !table.notes.isEmpty { out += [""] + table.notes.map { "_" + escape($0) + "_" + "  " } }
        return out.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trailingSpacesRemoved() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
