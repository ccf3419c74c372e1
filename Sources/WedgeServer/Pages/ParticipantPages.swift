// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import WedgeCore
import WedgeStore

/// `GET /participants` (the list, by site) and `GET /participants/:id` (the timeline with its audit history).
/// Access is the API's: `listParticipants`, `getParticipant` and `participantAudit`, and another site's
/// participant is 404, by any link or typed URL.
struct ParticipantPages {
    let services: ServerServices
    let renderer: PageRenderer

    func register(on group: RouterGroup<ServerContext>) {
        group.get("participants", use: list)
        group.get("participants/:id", use: timeline)
    }

    /// The notices a redirect after a write may ask for (post/redirect/get).
    static let notices = [
        "enrolled": "Enrolled. The condition was stamped from the schedule.",
        "enrolled-screened": "Enrolled and linked to the screening. The condition was stamped from the schedule.",
        "enrolled-unlinked": "Enrolled, but the screening could not be linked (someone changed it meanwhile). "
            + "Link it from the screening log, or ask the data manager.",
        "outcomes": "Outcomes saved.", "corrected": "Correction saved, with its reason, in the audit history.",
        "deleted": "Participant soft-deleted; the record and its history are kept.",
    ]

    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.listParticipants, services)
        let site = try RouteSupport.siteFilter(request, principal, services)
        let participants = try await RouteSupport.store { () async throws(StoreError) in
            try await services.store.participants(siteID: site)
        }
        let proto = services.schedule.protocol
        let rows = participants.sorted { ($0.enrollment.record.admissionDate, $0.enrollment.record.id)
            > ($1.enrollment.record.admissionDate, $1.enrollment.record.id) }.map { ParticipantView.summary($0, proto) }
        let sites = PageRenderer.siteOptions(proto, for: principal, selected: site)
        return renderer.page("participants", title: "Participants", principal: principal,
                             csrf: context.csrf, current: "/participants", data: [
                                 "rows": rows, "count": rows.count, "sites": sites,
                                 "choose_site": principal.role != .siteCoordinator,
                                 "can_enroll": AccessPolicy.permits(principal, .enrollParticipant),
                             ])
    }

    @Sendable func timeline(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.getParticipant, services)
        let id = try context.parameters.require("id")
        let participant = try await RouteSupport.visibleParticipant(id, principal, services)
        var data = ParticipantView.data(participant, services.schedule.protocol)
        if AccessPolicy.permits(principal, .participantAudit) {
            let entries = try await RouteSupport.store { () async throws(StoreError) in
                try await services.store.auditTrail(participantID: id)
            }
            data["has_audit"] = !entries.isEmpty
            let proto = services.schedule.protocol
            data["audit"] = entries.reversed().map { entry -> [String: Any] in
                let field = entry.field.flatMap(ParticipantField.init(rawValue:))
                let words = { (value: String?) in value.map { v in field.map { ParticipantView.display($0, v, proto) } ?? v } ?? "" }
                return ["at": entry.at, "actor": entry.actor, "action": entry.action.rawValue,
                        "field": entry.field.map(FieldLabels.label) ?? (entry.action == .insert ? "enrollment" : "—"),
                        "old": words(entry.oldValue), "new": entry.action == .insert ? "(enrolled)" : words(entry.newValue),
                        "reason": entry.reason ?? ""]
            }
        }
        if let saved = request.uri.queryParameters.get("saved"), let notice = Self.notices[String(saved)] {
            data["notice"] = notice
        }
        data["can_record"] = AccessPolicy.permits(principal, .recordOutcomes) && !participant.isDeleted
        data["can_correct"] = AccessPolicy.permits(principal, .correctParticipant) && !participant.isDeleted
        return renderer.page("participant", title: "Participant \(id)", principal: principal,
                             csrf: context.csrf, current: "/participants", data: data)
    }
}
