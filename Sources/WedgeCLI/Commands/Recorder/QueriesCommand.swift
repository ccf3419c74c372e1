// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore
internal import WedgeStore

/// `wedge queries`: the open queries as a coordinator's worklist, filtered by site and kind.
struct QueriesCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries",
        abstract: "List the open queries, oldest first, for a site's or a kind's worklist (text, CSV or JSON).",
        discussion: "The queries are those of `wedge status`; ids and fields only, never values.")

    @Option(help: "The study database.", completion: .file())
    var db: String

    @Option(help: "Only this site's queries.")
    var site: String?

    @Option(help: ArgumentHelp("Only queries of this kind: "
                               + OpenQuery.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                               valueName: "kind"))
    var kind: String?

    @Option(help: "text, csv or json.")
    var format: QueryWorklist.Format = .text

    @Option(help: ArgumentHelp("List as of this date instead of today.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    func validate() throws {
        if let kind, OpenQuery.Kind(rawValue: kind) == nil {
            throw ValidationError("--kind must be one of " + OpenQuery.Kind.allCases.map(\.rawValue)
                .joined(separator: ", ") + ", not '\(kind.prefix(80))'.")
        }
        if let asOf, CivilDate(iso: asOf) == nil {
            throw ValidationError("--as-of (value of the form \"\(ValueShape.of(asOf))\") is not a date. "
                                  + "Write it as YYYY-MM-DD.")
        }
    }

    func execute() throws -> String {
        let today = asOf.flatMap { CivilDate(iso: $0) } ?? Clock.today()
        let snapshot = try StudyStore.open(at: db).fetchSnapshot(dataLockDate: today)
        if let site, snapshot.protocol.site(id: site) == nil {
            throw CLIError("Unknown site '\(site)'. Sites: " + snapshot.protocol.sites.map(\.id).joined(separator: ", ") + ".")
        }
        let filter = OpenQueryFilter(siteID: site, kind: kind.flatMap(OpenQuery.Kind.init(rawValue:)))
        return QueryWorklist.render(filter.apply(OpenQueries.find(in: snapshot, today: today)), as: format)
    }
}
