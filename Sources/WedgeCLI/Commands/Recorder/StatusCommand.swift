// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeAnalysis
internal import WedgeCore
internal import WedgeStore

/// `wedge status`: enrollment so far and the open queries.
struct StatusCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show enrollment by site and period, and the open queries as of today.",
        discussion: """
            Open queries: outcomes still missing once their window has passed, protocol deviations, and \
            injections outside their windows. The windows are described in the OpenQueries documentation and \
            docs/export-format.md. Values are never printed, only participant ids and fields.
            """)

    @Option(help: "The study database.", completion: .file())
    var db: String

    @Option(help: ArgumentHelp("Report as of this date instead of today.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Flag(help: "List every open query, not only the \(Self.shownQueries) oldest.")
    var all = false

    /// How many open queries `status` lists, oldest first, without --all.
    static let shownQueries = 20

    func execute() throws -> String {
        var today = Clock.today()
        if let asOf {
            guard let date = CivilDate(iso: asOf) else {
                throw CLIError("--as-of (value of the form \"\(ValueShape.of(asOf))\") is not a date. Write it as YYYY-MM-DD.")
            }
            today = date
        }
        let snapshot = try StudyStore.open(at: db).fetchSnapshot(dataLockDate: today)
        var out = "\(snapshot.protocol.study.id): \(snapshot.enrollments.count) participants enrolled, "
            + "\(snapshot.adverseEvents.count) adverse events (\(snapshot.adverseEvents.filter(\.isSerious).count) serious), as of \(today.iso).\n\n"
        out += TableRenderer.render(EnrollmentTables.bySitePeriod(snapshot), as: .text)
        let queries = OpenQueryFilter().apply(OpenQueries.find(in: snapshot, today: today))
        out += "\nOpen queries: \(queries.count)\n"
        guard !queries.isEmpty else { return out }
        out += QueryWorklist.summary(queries, siteOrder: snapshot.protocol.sites.map(\.id))
        let shown = all ? queries : Array(queries.prefix(Self.shownQueries))
        out += all ? "\nEvery open query, oldest first:\n" : "\nThe \(shown.count) oldest (open since):\n"
        out += QueryWorklist.render(shown, as: .text)
        if shown.count < queries.count {
            out += "  … and \(queries.count - shown.count) more: `wedge status --all`, or "
                + "`wedge queries --db FILE [--site S] [--kind K]` for a worklist.\n"
        }
        return out
    }
}
