// SPDX-License-Identifier: Apache-2.0

extension TableRenderer {
    /// The table as a LaTeX `table` float with a booktabs `tabular` (`\usepackage{booktabs}`), its title as the
    /// caption, `tab:<id>` as the label and the notes in a footnote-size paragraph below.
    static func latex(_ table: ReportTable) -> String {
        let spec = table.alignments.map { $0 == .left ? "l" : "r" }.joined()
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in
                c == 0 && cell.hasPrefix("  ") ? "\\quad " + latexEscape(String(cell.dropFirst(2))) : latexEscape(cell)
            }.joined(separator: " & ") + " \\\\"
        }
        var out = ["\\begin{table}[htbp]", "\\centering", "\\caption{\(latexEscape(table.title))}",
                   "\\label{tab:\(table.id)}", "\\begin{tabular}{\(spec)}", "\\toprule", line(table.columns), "\\midrule"]
        out += table.rows.map(line)
        out += ["\\bottomrule", "\\end{tabular}"]
        if !table.notes.isEmpty {
            out += ["\\par\\smallskip", "\\begin{minipage}{\\linewidth}\\footnotesize"]
            out += table.notes.map { latexEscape($0) + "\\par" }
            out.append("\\end{minipage}")
        }
        out.append("\\end{table}")
        return out.joined(separator: "\n") + "\n"
    }

    /// Escapes LaTeX's special characters and spells the non-ASCII symbols Wedge's numbers use.
    static func latexEscape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\" + String(ch)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "–": out += "--"
            case "—": out += "---"
            case "−": out += "\\textminus{}"
            case "→": out += "\\textrightarrow{}"
            case "×": out += "\\texttimes{}"
            case "≥": out += "$\\geq$"
            case "≤": out += "$\\leq$"
            case "∞": out += "$\\infty$"
            case "τ": out += "$\\tau$"
            case "χ": out += "$\\chi$"
            case "²": out += "\\textsuperscript{2}"
            case "\u{2003}": out += "\\quad{}"
            default: out.append(ch)
            }
        }
        return out
    }
}
