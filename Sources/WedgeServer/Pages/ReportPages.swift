// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HTTPTypes
import WedgeAnalysis
import WedgeCore
import WedgeStore

/// `GET /reports` and its downloads, each by the API operation that guards the same data: the study report as
/// HTML (`report`), the analysis export as CSV (`exportParticipants`), and enrollment status and open queries as
/// CSV (`status`, `queries`; a site coordinator's own site only).
struct ReportPages {
    let services: ServerServices
    let renderer: PageRenderer

    func register(on group: RouterGroup<ServerContext>) {
        group.get("reports", use: show)
        group.get("reports/study.html", use: studyReport)
        group.get("reports/participants.csv", use: participants)
        group.get("reports/status.csv", use: status)
        group.get("reports/queries.csv", use: queries)
    }

    /// The downloads and the operation each needs.
    static let downloads: [(href: String, label: String, detail: String, operation: APIOperation)] = [
        ("/reports/study.html", "Study report (HTML)",
         "CONSORT flow, enrollment, baseline, initiation and retention analyses, safety.", .report),
        ("/reports/participants.csv", "Analysis export (CSV)", "One row per participant, as the analysis reads it.",
         .exportParticipants),
        ("/reports/status.csv", "Enrollment by site and period (CSV)", "The counts on the dashboard.", .status),
        ("/reports/queries.csv", "Open queries (CSV)", "The worklist, oldest first.", .queries),
    ]

    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.me, services)
        let allowed = Self.downloads.filter { AccessPolicy.permits(principal, $0.operation) }
        guard !allowed.isEmpty else { throw Problem.forbidden(.report) }
        return renderer.page("reports", title: "Reports", principal: principal, csrf: context.csrf,
                             current: "/reports", data: [
                                 "downloads": allowed.map { ["href": $0.href, "label": $0.label, "detail": $0.detail] },
                             ])
    }

    private func download(_ text: String, type: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func studyReport(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try context.require(.report, services)
        let report = StudyReport(try await RouteSupport.snapshot(services))
        return download(report.html(), type: "text/html; charset=utf-8", name: "study-report-\(services.today().iso).html")
    }

    @Sendable func participants(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try context.require(.exportParticipants, services)
        return download(AnalysisExport.csv(try await RouteSupport.snapshot(services)), type: "text/csv; charset=utf-8",
                        name: "participants-\(services.today().iso).csv")
    }

    @Sendable func status(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.status, services)
        let status = EnrollmentStatus(try await RouteSupport.snapshot(services), for: principal)
        let header = ["site_id"] + (0..<status.periods).map { "period_\($0 + 1)" } + ["total"]
        let rows = status.sites.map { [$0.id] + $0.counts.map(String.init) + [String($0.total)] }
        return download(CSVWriter.document(header: header, rows: rows), type: "text/csv; charset=utf-8",
                        name: "enrollment-\(services.today().iso).csv")
    }

    @Sendable func queries(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.queries, services)
        let found = RouteSupport.openQueries(try await RouteSupport.snapshot(services), principal, services)
        let rows = found.map { [$0.participantID, $0.siteID, $0.kind.rawValue, $0.field, $0.detail, $0.since?.iso ?? ""] }
        return download(CSVWriter.document(header: ["participant_id", "site_id", "kind", "field", "detail", "since"], rows: rows),
                        type: "text/csv; charset=utf-8", name: "queries-\(services.today().iso).csv")
    }
}
