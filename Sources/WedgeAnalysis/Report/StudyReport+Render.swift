// SPDX-License-Identifier: Apache-2.0

import WedgeCore

extension StudyReport {
    /// The report in one text format: the header, then every table (figures are left out; see ``html()``).
    ///
    /// `.text` and `.md` join the tables with blank lines; `.latex` makes a complete `article` document with
    /// booktabs; `.json` is ``json()``; `.csv` joins the tables' CSV blocks, each after a `# id` comment line
    /// (``csvFiles()`` gives one file per table instead).
    public func render(as format: TableFormat) -> String {
        switch format {
        case .text:
            return headerLines.joined(separator: "\n") + "\n\n"
                + tables.map { TableRenderer.render($0, as: .text) }.joined(separator: "\n")
        case .markdown:
            return "# \(studyID): study report\n\n" + headerLines.map { $0 + "  " }.joined(separator: "\n") + "\n\n"
                + tables.map { TableRenderer.render($0, as: .markdown) }.joined(separator: "\n")
        case .csv:
            return tables.map { "# \($0.id)\n" + TableRenderer.render($0, as: .csv) }.joined(separator: "\n")
        case .json:
            return json()
        case .latex:
            return latexDocument()
        }
    }

    /// One CSV file per table: `(file name, contents)`, the name `<id>.csv`.
    public func csvFiles() -> [(name: String, contents: String)] {
        tables.map { ("\($0.id).csv", TableRenderer.render($0, as: .csv)) }
    }

    /// The report as one JSON document: `{"study": {...}, "tables": [...]}`, each table as
    /// ``TableRenderer/json(_:)`` gives it.
    public func json() -> String {
        let study: JSONValue = .object([
            ("id", .string(studyID)), ("title", .string(studyTitle)), ("registry", .optional(registry)),
            ("data_lock_date", .string(dataLockDate.iso)), ("protocol_sha256", .string(protocolDigest)),
            ("wedge_version", .string(wedgeVersion)),
        ] + (auditHead.map { [("audit_head", JSONValue.string($0))] } ?? []) + [
            ("participants", .int(participantCount)), ("sites", .int(siteCount)),
        ])
        return JSONValue.object([("study", study), ("tables", .array(tables.map(TableRenderer.json)))])
            .serialized(pretty: true) + "\n"
    }

    /// A complete LaTeX document (article class, booktabs) holding every table.
    func latexDocument() -> String {
        var out = ["\\documentclass{article}", "\\usepackage[T1]{fontenc}", "\\usepackage[utf8]{inputenc}",
                   "\\usepackage{booktabs}", "\\usepackage[margin=2cm,landscape]{geometry}",
                   "\\title{\(TableRenderer.latexEscape("\(studyID): study report"))}",
                   "\\date{Data lock \(dataLockDate.iso)}", "\\author{Wedge \(TableRenderer.latexEscape(wedgeVersion))}",
                   "\\begin{document}", "\\maketitle"]
        out += headerLines.map { TableRenderer.latexEscape($0) + "\\par" }
        out += tables.map { TableRenderer.render($0, as: .latex) }
        out.append("\\end{document}")
        return out.joined(separator: "\n") + "\n"
    }
}
