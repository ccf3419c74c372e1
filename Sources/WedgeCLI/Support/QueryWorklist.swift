// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeAnalysis
internal import WedgeCore

/// Open queries rendered for a coordinator's worklist: one line each (text), CSV or JSON. Ids and fields only,
/// never values.
enum QueryWorklist {
    /// The output formats of `wedge queries`.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    static let columns = ["since", "participant_id", "site_id", "kind", "field", "detail"]

    static func fields(_ q: OpenQuery) -> [String] {
        [q.since?.iso ?? "", q.participantID, q.siteID, q.kind.rawValue, q.field, q.detail]
    }

    /// The queries in `format`.
    static func render(_ queries: [OpenQuery], as format: Format) -> String {
        switch format {
        case .text:
            return queries.map(line).joined()
        case .csv:
            return CSVWriter.document(header: columns, rows: queries.map(fields))
        case .json:
            let items = queries.map { q in JSONValue.object(zip(columns, fields(q)).map { ($0, .string($1)) }) }
            return JSONValue.array(items).serialized(pretty: true) + "\n"
        }
    }

    /// One text line: `  SINCE  PARTICIPANT  SITE  KIND  FIELD DETAIL`.
    static func line(_ q: OpenQuery) -> String {
        "  \(q.since?.iso ?? "-")  \(q.participantID)  \(q.siteID)  \(q.kind.rawValue)  \(q.field) \(q.detail)\n"
    }

    /// Counts by site × kind as a text table, with totals.
    static func summary(_ queries: [OpenQuery], siteOrder: [String]) -> String {
        let counts = OpenQueryFilter.counts(queries, siteOrder: siteOrder)
        let kinds = OpenQuery.Kind.allCases
        var sites: [String] = []
        for entry in counts where !sites.contains(entry.siteID) { sites.append(entry.siteID) }
        var rows = sites.map { site -> [String] in
            let n = kinds.map { kind in counts.first { $0.siteID == site && $0.kind == kind }?.count ?? 0 }
            return [site] + n.map(String.init) + [String(n.reduce(0, +))]
        }
        rows.append(["all"] + kinds.map { k in String(queries.filter { $0.kind == k }.count) } + [String(queries.count)])
        let table = ReportTable(id: "open-queries", title: "Open queries by site and kind",
                                columns: ["site"] + kinds.map(\.rawValue) + ["total"], rows: rows)
        return TableRenderer.render(table, as: .text)
    }
}
