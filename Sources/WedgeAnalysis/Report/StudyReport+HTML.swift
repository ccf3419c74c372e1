// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore

extension StudyReport {
    /// The order of the HTML report: figures beside the tables they illustrate. Tables and figures not named
    /// here follow at the end, so nothing is ever left out.
    static let htmlLayout: [(kind: String, id: String)] = [
        ("figure", "design"), ("table", "sequences"), ("table", "enrollment"), ("table", "consort"),
        ("table", "baseline"), ("table", "primary"), ("table", "models"),
        ("table", "exposure-effects"), ("figure", "initiation-period"), ("table", "initiation-period"),
        ("figure", "initiation-site"), ("table", "initiation-site"), ("table", "secondary-injections"),
        ("table", "secondary-retention"), ("figure", "retention"), ("table", "safety"),
    ]

    /// The whole report as one self-contained HTML page: a header naming the study, the data-lock date, the
    /// protocol digest and the Wedge version; a contents list; every table; every figure as inline SVG; and
    /// CSS that prints on A4 or Letter without cutting tables or charts. No scripts, fonts or links to fetch.
    public func html() -> String {
        var items: [(anchor: String, title: String, body: String)] = []
        var usedTables = Set<String>(), usedFigures = Set<String>()
        func addTable(_ t: ReportTable) {
            usedTables.insert(t.id)
            let title = "Table \(usedTables.count). \(t.title)"
            items.append(("table-\(t.id)", title, HTMLTable.render(t, title: title, anchor: "table-\(t.id)")))
        }
        func addFigure(_ f: Figure) {
            usedFigures.insert(f.id)
            let title = "Figure \(usedFigures.count). \(f.title)"
            items.append(("figure-\(f.id)", title,
                          "<figure id=\"figure-\(f.id)\">\n\(f.svg)<figcaption>\(HTMLTable.escape(title))</figcaption>\n</figure>\n"))
        }
        for (kind, id) in Self.htmlLayout {
            if kind == "table", let t = tables.first(where: { $0.id == id }) { addTable(t) }
            if kind == "figure", let f = figures.first(where: { $0.id == id }) { addFigure(f) }
        }
        for t in tables where !usedTables.contains(t.id) { addTable(t) }
        for f in figures where !usedFigures.contains(f.id) { addFigure(f) }

        let title = "\(studyID): study report"
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Wedge \(HTMLTable.escape(wedgeVersion))">
            <title>\(HTMLTable.escape(title))</title>
            <style>
            \(Self.css)</style>
            </head>
            <body>
            <header>
            <h1>\(HTMLTable.escape(studyTitle))</h1>
            <dl class="facts">
            <dt>Study</dt><dd>\(HTMLTable.escape(studyID))\(registry.map { " · " + HTMLTable.escape($0) } ?? "")</dd>
            <dt>Data lock</dt><dd>\(dataLockDate.iso)</dd>
            <dt>Participants</dt><dd>\(participantCount) in \(siteCount) sites</dd>
            <dt>Protocol SHA-256</dt><dd><code>\(HTMLTable.escape(protocolDigest))</code></dd>
            <dt>Made by</dt><dd>Wedge \(HTMLTable.escape(wedgeVersion))</dd>
            \(auditHead.map { "<dt>Audit head</dt><dd><code>\(HTMLTable.escape($0))</code></dd>\n" } ?? "")</dl>
            </header>
            <nav>
            <h2>Contents</h2>
            <ol>

            """
        for item in items { out += "<li><a href=\"#\(item.anchor)\">\(HTMLTable.escape(item.title))</a></li>\n" }
        out += "</ol>\n</nav>\n<main>\n"
        for item in items { out += "<section>\n" + item.body + "</section>\n" }
        out += "</main>\n<footer>Made by Wedge \(HTMLTable.escape(wedgeVersion)) from the study database as of "
            + "\(dataLockDate.iso). Every number is computed from the data; percentages to one decimal.</footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// The page's style: a readable serif-free layout on screen, and print rules that keep each table and
    /// figure on one page and scale charts to the page width.
    static let css = """
        :root { color-scheme: light; }
        body { font-family: Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.4; color: #222;
               max-width: 1100px; margin: 0 auto; padding: 16px 24px; background: #fff; }
        header { border-bottom: 2px solid #0072B2; margin-bottom: 12px; }
        h1 { font-size: 22px; margin: 8px 0; }
        h2 { font-size: 17px; margin: 16px 0 6px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0 12px; }
        dl.facts dt { font-weight: bold; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        code { font-size: 12px; }
        nav ol { columns: 2; margin: 4px 0 12px; }
        section { margin: 18px 0 26px; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: 4px 0; font-variant-numeric: tabular-nums; }
        h2.table-title { font-size: 16px; margin: 4px 0 6px; }
        th, td { padding: 3px 10px; vertical-align: top; }
        thead th { border-top: 2px solid #222; border-bottom: 1px solid #222; text-align: left; }
        tbody tr:last-child td { border-bottom: 2px solid #222; }
        th.r, td.r { text-align: right; white-space: nowrap; }
        td.sub { padding-left: 26px; }
        tbody tr:nth-child(even) { background: #f6f6f6; }
        p.note { font-size: 12px; color: #444; margin: 3px 0; max-width: 900px; }
        figure { margin: 8px 0; }
        figure svg { width: 100%; max-width: 860px; height: auto; display: block; }
        figcaption { font-size: 13px; font-weight: bold; color: #222; margin-top: 4px; }
        footer { border-top: 1px solid #ccc; margin-top: 24px; padding-top: 6px; font-size: 12px; color: #555; }
        @page { size: A4 landscape; margin: 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav { display: none; }
          h2.table-title { break-after: avoid; page-break-after: avoid; }
          .table-wrap, table, figure, tr { break-inside: avoid; page-break-inside: avoid; }
          figure svg { max-width: 190mm; }
          .table-wrap { overflow: visible; }
          tbody tr:nth-child(even) { background: none; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
