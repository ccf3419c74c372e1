// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeCore
internal import WedgeStore

/// `wedge screen list`: the screening log, of one site or all.
struct ScreenListCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the screening log (deleted screenings left out), by screening id.",
        discussion: "Periods are numbered from 1. --format csv writes the columns of the screening import format "
            + "plus condition_id and period.")

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @Option(help: "The study database.", completion: .file())
    var db: String

    @Option(help: "Only this site's screenings.")
    var site: String?

    @Option(help: "text or csv.")
    var format: Format = .text

    func execute() throws -> String {
        let store = try StudyStore.open(at: db)
        if let site, try store.fetchProtocol().protocol.site(id: site) == nil {
            throw ValidationError("'\(site)' is not a site of this study.")
        }
        let rows = try store.screenings(siteID: site).map(ScreenText.row)
        switch format {
        case .csv:
            return ([ScreenText.columns] + rows).map(CSVWriter.row).joined(separator: "\n") + "\n"
        case .text:
            guard !rows.isEmpty else { return "No screenings recorded" + (site.map { " at \($0)" } ?? "") + ".\n" }
            let table = [ScreenText.columns] + rows
            let widths = ScreenText.columns.indices.map { c in table.map { $0[c].count }.max() ?? 0 }
            let lines = table.map { row in
                row.indices.map { c in row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                    .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            }
            return lines.joined(separator: "\n") + "\n\(rows.count) screening(s).\n"
        }
    }
}
