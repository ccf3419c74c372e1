// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import WedgeCore
import WedgeStore

/// `GET /queries`: the open queries as a worklist (`queries`), oldest first, filtered by site (a site
/// coordinator's own only) and kind. Queries name the participant and field, never values.
struct QueryPages {
    let services: ServerServices
    let renderer: PageRenderer

    func register(on group: RouterGroup<ServerContext>) {
        group.get("queries", use: list)
    }

    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.queries, services)
        let site = try RouteSupport.siteFilter(request, principal, services)
        let kindText = request.uri.queryParameters.get("kind").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let kind = kindText.flatMap(OpenQuery.Kind.init(rawValue:))
        if kindText != nil, kind == nil { throw Problem.badRequest([("kind", "is not a kind of query")]) }
        let proto = services.schedule.protocol
        let snapshot = try await RouteSupport.snapshot(services)
        let found = RouteSupport.openQueries(snapshot, site: site, kind: kind, principal, services)
            .sorted { ($0.since ?? .init(dayNumber: 0), $0.participantID) < ($1.since ?? .init(dayNumber: 0), $1.participantID) }
        return renderer.page("queries", title: "Open queries", principal: principal, csrf: context.csrf,
                             current: "/queries", data: [
                                 "rows": found.map { query -> [String: Any] in
                                     ["participant": query.participantID, "site": proto.site(id: query.siteID)?.name ?? query.siteID,
                                      "kind": FieldLabels.label(query.kind), "field": FieldLabels.label(query.field),
                                      "detail": FieldLabels.label(query.field) + " " + PageWrite.sentence(query.detail, ""),
                                      "since": query.since?.iso ?? "—"]
                                 },
                                 "count": found.count,
                                 "choose_site": principal.role != .siteCoordinator,
                                 "sites": PageRenderer.siteOptions(proto, for: principal, selected: site),
                                 "kinds": OpenQuery.Kind.allCases.map {
                                     ["value": $0.rawValue, "label": FieldLabels.label($0), "selected": $0 == kind]
                                 },
                             ])
    }
}
