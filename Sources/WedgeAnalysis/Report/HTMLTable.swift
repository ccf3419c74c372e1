// SPDX-License-Identifier: Apache-2.0

/// Renders a ``ReportTable`` as an HTML `<table>` under a heading: header cells, aligned body cells (numbers
/// right-aligned), sub-rows indented, and the notes as paragraphs below.
enum HTMLTable {
    /// The table and its notes, wrapped so a wide table scrolls on screen instead of being cut.
    static func render(_ table: ReportTable, title: String, anchor: String) -> String {
        func cls(_ c: Int) -> String { table.alignments[c] == .right ? " class=\"r\"" : "" }
        var out = "<h2 class=\"table-title\" id=\"\(anchor)\">\(escape(title))</h2>\n"
            + "<div class=\"table-wrap\">\n<table aria-labelledby=\"\(anchor)\">\n<thead><tr>"
        out += table.columns.indices.map { "<th\(cls($0))>\(escape(table.columns[$0]))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (c, cell) in row.enumerated() {
                if c == 0, cell.hasPrefix("  ") {
                    out += "<td class=\"sub\">\(escape(String(cell.dropFirst(2))))</td>"
                } else {
                    out += "<td\(cls(c))>\(escape(cell))</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += table.notes.map { "<p class=\"note\">\(escape($0))</p>\n" }.joined()
        return out + "</div>\n"
    }

    /// Escapes `&`, `<`, `>` and `"`.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
