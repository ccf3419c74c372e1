// SPDX-License-Identifier: Apache-2.0

/// Which open queries a worklist shows: those of one site, of one kind, or both. The CLI's `wedge queries` and
/// `wedge status` use it, and a server page can use the same.
public struct OpenQueryFilter: Sendable, Equatable {
    /// Only this site's queries, when given.
    public var siteID: String?
    /// Only queries of this kind, when given.
    public var kind: OpenQuery.Kind?

    /// Creates a filter; with no arguments it keeps every query.
    public init(siteID: String? = nil, kind: OpenQuery.Kind? = nil) {
        self.siteID = siteID
        self.kind = kind
    }

    /// The queries this filter keeps, oldest first (by ``OpenQuery/since``, then participant and field).
    public func apply(_ queries: [OpenQuery]) -> [OpenQuery] {
        queries.filter { q in siteID.map { q.siteID == $0 } ?? true && kind.map { q.kind == $0 } ?? true }
            .sorted(by: Self.oldestFirst)
    }

    /// The worklist order: oldest first; a query with no date last; then by participant and field.
    public static func oldestFirst(_ a: OpenQuery, _ b: OpenQuery) -> Bool {
        let x = a.since?.iso ?? "~", y = b.since?.iso ?? "~"
        return (x, a.participantID, a.field) < (y, b.participantID, b.field)
    }

    /// Counts by site and kind, sites in `siteOrder`, kinds in declaration order; pairs with no query are left out.
    public static func counts(_ queries: [OpenQuery], siteOrder: [String])
        -> [(siteID: String, kind: OpenQuery.Kind, count: Int)]
    {
        var tally: [String: [OpenQuery.Kind: Int]] = [:]
        for q in queries { tally[q.siteID, default: [:]][q.kind, default: 0] += 1 }
        let sites = siteOrder + tally.keys.filter { !siteOrder.contains($0) }.sorted()
        return sites.flatMap { site in
            OpenQuery.Kind.allCases.compactMap { kind in tally[site]?[kind].map { (site, kind, $0) } }
        }
    }
}
