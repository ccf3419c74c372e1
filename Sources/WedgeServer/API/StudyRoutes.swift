// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import WedgeAnalysis
import WedgeCore
import WedgeStore

/// The study as a whole: the schedule as each role may see it, enrollment status, open queries, the analysis
/// export, the analysis and the report, and the audit chain's verification.
///
/// The schedule is the one place a crossover could leak. Everyone but the unblinded statistician gets exactly what
/// `wedge schedule reveal` shows on the day (``WedgeCore/ScheduleDisclosure``): started conditions and announced
/// crossovers, nothing before its notice date; a site coordinator, only their own site's. Counts and queries
/// are by site and period, which are calendar facts, and list only enrolled participants, whose conditions had
/// started.
struct StudyRoutes {
    let services: ServerServices

    func register(on group: RouterGroup<ServerContext>) {
        group.get("schedule", use: schedule)
        group.get("status", use: status)
        group.get("queries", use: queries)
        group.get("exports/participants.csv", use: export)
        group.get("analysis", use: analysis)
        group.get("reports/study", use: report)
        group.get("audit/verification", use: verify)
    }

    private func snapshot() async throws -> StudySnapshot { try await RouteSupport.snapshot(services) }

    @Sendable func schedule(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.schedule, services)
        let today = services.today(), schedule = services.schedule
        let full = AccessPolicy.seesSealedSchedule(principal)
        var events: [ScheduleDisclosure.Event]
        if full {
            let last = schedule.assignments.flatMap { schedule.crossovers(of: $0.siteID).map(\.date) }.max()
                ?? schedule.protocol.calendar.startDate
            events = ScheduleDisclosure(schedule: schedule, asOf: max(last, today)).events
            for index in events.indices { events[index].hasStarted = events[index].date <= today }
        } else {
            events = ScheduleDisclosure(schedule: schedule, asOf: today).events
        }
        if principal.role == .siteCoordinator { events = events.filter { $0.siteID == principal.siteID } }
        return APIResult(json: [
            "as_of": today.iso, "scope": full ? "full" : "disclosed",
            "events": events.map { ["site": $0.siteID, "date": $0.date.iso, "condition": $0.conditionID,
                                    "notice_date": $0.noticeDate.iso, "started": $0.hasStarted] as [String: Any] },
        ]).response()
    }

    @Sendable func status(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.status, services)
        let status = EnrollmentStatus(try await snapshot(), for: principal)
        return APIResult(json: ["as_of": status.asOf.iso, "periods": status.periods, "total": status.total,
                                "sites": status.sites.map { ["site": $0.id, "enrolled": $0.counts, "total": $0.total] }])
            .response()
    }

    @Sendable func queries(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.queries, services)
        let site = try RouteSupport.siteFilter(request, principal, services)
        var kind: OpenQuery.Kind?
        if let text = request.uri.queryParameters.get("kind") {
            guard let value = OpenQuery.Kind(rawValue: text) else {
                throw Problem.badRequest([("kind", "must be one of " + OpenQuery.Kind.allCases.map(\.rawValue).joined(separator: ", "))])
            }
            kind = value
        }
        let snapshot = try await snapshot()
        let found = RouteSupport.openQueries(snapshot, site: site, kind: kind, principal, services)
        return APIResult(json: ["queries": found.map { query -> [String: Any] in
            ["participant_id": query.participantID, "site": query.siteID, "kind": query.kind.rawValue,
             "field": query.field, "message": query.detail, "since": query.since?.iso ?? NSNull()]
        }]).response()
    }

    @Sendable func export(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try context.require(.exportParticipants, services)
        return APIResult(text: AnalysisExport.csv(try await snapshot()), contentType: "text/csv; charset=utf-8").response()
    }

    @Sendable func analysis(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try context.require(.analysis, services)
        let data = AnalysisDataset(snapshot: try await snapshot())
        let document = AnalysisJSON.document(PrimaryAnalysis.run(data), RetentionAnalysis.run(data), auditHead: nil)
        return APIResult(text: document.serialized(pretty: true), contentType: "application/json").response()
    }

    @Sendable func report(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try context.require(.report, services)
        let format = request.uri.queryParameters.get("format") ?? "html"
        let report = StudyReport(try await snapshot())
        switch format {
        case "html": return APIResult(text: report.html(), contentType: "text/html; charset=utf-8").response()
        case "md": return APIResult(text: report.render(as: .markdown), contentType: "text/markdown; charset=utf-8").response()
        case "text": return APIResult(text: report.render(as: .text), contentType: "text/plain; charset=utf-8").response()
        default: throw Problem.badRequest([("format", "must be html, md or text")])
        }
    }

    @Sendable func verify(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try context.require(.verifyAudit, services)
        let result = try await RouteSupport.store { () async throws(StoreError) in
            try await services.store.verifyAuditChain()
        }
        return APIResult(json: [
            "valid": result.isIntact, "entries": result.entryCount,
            "head": result.entryCount == 0 ? NSNull() : result.headHash as Any,
            "problems": result.problems.map(\.problem),
        ]).response()
    }
}
