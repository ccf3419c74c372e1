// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import WedgeCore
import WedgeStore

/// `GET /`: the signed-in role's dashboard. Each panel shows only when ``AccessPolicy`` allows its operation, and
/// only the sites the principal reaches: enrollment by site × period (`status`), open queries by kind (`queries`),
/// and the injections due this week (for the roles that record outcomes).
struct DashboardPage {
    let services: ServerServices
    let renderer: PageRenderer

    func register(on group: RouterGroup<ServerContext>) {
        group.get("", use: show)
    }

    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.me, services)
        var data: [String: Any] = ["today": services.today().iso]
        let needsSnapshot = [.status, .queries, .recordOutcomes].contains { AccessPolicy.permits(principal, $0) }
        if needsSnapshot {
            let snapshot = try await RouteSupport.snapshot(services)
            if AccessPolicy.permits(principal, .status) { data["status"] = Self.status(snapshot, principal) }
            let reach = { (site: String) in AccessPolicy.reaches(principal, site: site) }
            if AccessPolicy.permits(principal, .queries) {
                let queries = RouteSupport.openQueries(snapshot, principal, services)
                data["queries"] = [
                    "total": queries.count,
                    "kinds": OpenQuery.Kind.allCases.map { kind in
                        ["label": FieldLabels.label(kind), "kind": kind.rawValue,
                         "count": queries.filter { $0.kind == kind }.count] as [String: Any]
                    },
                ] as [String: Any]
            }
            if AccessPolicy.permits(principal, .recordOutcomes) {
                let due = DueInjections.find(in: snapshot, today: services.today()).filter { reach($0.siteID) }
                data["due"] = ["count": due.count, "has_rows": !due.isEmpty, "rows": due.map { item in
                    ["participant": item.participantID, "site": item.siteID, "injection": FieldLabels.label(item.field.rawValue),
                     "opens": item.opens.iso, "closes": item.closes.iso] as [String: Any]
                }] as [String: Any]
            }
        }
        if AccessPolicy.permits(principal, .listUsers) { data["admin"] = true }
        if AccessPolicy.permits(principal, .report) { data["reports"] = true }
        return renderer.page("dashboard", title: "Dashboard", principal: principal,
                             csrf: context.csrf, current: "/", data: data)
    }

    /// The enrollment table's view data.
    static func status(_ snapshot: StudySnapshot, _ principal: Principal) -> [String: Any] {
        let status = EnrollmentStatus(snapshot, for: principal)
        let calendar = snapshot.protocol.calendar
        return [
            "as_of": status.asOf.iso, "total": status.total,
            "periods": (0..<status.periods).map { p in
                ["label": "P\(p + 1)", "from": calendar.start(ofPeriod: p).iso, "to": calendar.end(ofPeriod: p).iso]
            },
            "sites": status.sites.map { ["id": $0.id, "name": $0.name, "counts": $0.counts, "total": $0.total] as [String: Any] },
        ]
    }
}
