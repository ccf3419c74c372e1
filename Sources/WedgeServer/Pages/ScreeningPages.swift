// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdAuth
import WedgeCore
import WedgeStore

/// `GET /screening` (a site's screening log: `listScreenings`) and `GET`/`POST /screening/new` (a screened
/// person: `screenPerson`). The condition in effect at the site on the screening date is stamped by the store and
/// shown in the log, never chosen. An eligible person who consented and is not enrolled yet has an "Enroll" link,
/// which opens the enrollment form linked to that screening.
struct ScreeningPages {
    let services: ServerServices
    let renderer: PageRenderer

    func register(on group: RouterGroup<ServerContext>) {
        group.get("screening", use: list)
        group.get("screening/new", use: form)
        group.post("screening/new", use: screen)
    }

    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.listScreenings, services)
        let site = try RouteSupport.siteFilter(request, principal, services)
        let records = try await RouteSupport.store { () async throws(StoreError) in try await services.store.screenings(siteID: site) }
        let proto = services.schedule.protocol
        let canEnroll = AccessPolicy.permits(principal, .enrollParticipant)
        let rows = records.sorted { ($0.screeningDate, $0.id) > ($1.screeningDate, $1.id) }.map { record -> [String: Any] in
            [
                "id": record.id, "date": record.screeningDate.iso,
                "site": proto.site(id: record.siteID)?.name ?? record.siteID,
                "eligible": record.isEligible ? "yes" : "no",
                "reason": record.ineligibleReason.map { Self.reasonLabel($0, proto) } ?? "",
                "consented": record.consented.map { $0 ? "yes" : "no" } ?? "—",
                "condition": proto.condition(id: record.conditionID)?.label ?? record.conditionID,
                "participant": record.participantID ?? "",
                "enroll": canEnroll && record.entry.isEnrollable && record.participantID == nil,
            ]
        }
        let screened = records.count, eligible = records.filter(\.isEligible).count
        let consented = records.filter { $0.consented == true }.count
        let enrolled = records.filter { $0.participantID != nil }.count
        var data: [String: Any] = [
            "rows": rows, "screened": screened, "eligible": eligible, "consented": consented, "enrolled": enrolled,
            "choose_site": principal.role != .siteCoordinator,
            "sites": PageRenderer.siteOptions(proto, for: principal, selected: site),
            "can_screen": AccessPolicy.permits(principal, .screenPerson),
        ]
        if request.uri.queryParameters.get("saved") != nil { data["notice"] = "Screening saved." }
        return renderer.page("screening", title: "Screening log", principal: principal, csrf: context.csrf,
                             current: "/screening", data: data)
    }

    @Sendable func form(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.screenPerson, services)
        let site = principal.siteID ?? services.schedule.protocol.sites.first?.id ?? ""
        let values = ["screening_id": try await ScreeningWrite.nextID(site: site, services), "site_id": site,
                      "screening_date": services.today().iso]
        return render(principal, context, values: values, messages: [:])
    }

    @Sendable func screen(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.screenPerson, services)
        let form = FormInput(try await RouteSupport.body(request, context))
        var values: [String: String] = [:]
        for name in ["screening_id", "site_id", "screening_date", "eligible", "ineligible_reason", "consented"] {
            if let value = form.text(name) { values[name] = value }
        }
        let site = values["site_id"] ?? principal.siteID ?? ""
        values["site_id"] = site
        var messages: [String: [String]] = [:]
        let id = values["screening_id"] ?? ""
        if !ParticipantRoutes.isParticipantID(id) {
            messages["screening_id"] = ["must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit."]
        }
        let date = values["screening_date"].flatMap(CivilDate.init(iso:))
        if date == nil { messages["screening_date"] = ["is missing."] }
        let eligible = values["eligible"].flatMap(ScreeningField.boolean)
        if eligible == nil { messages["eligible"] = ["is not answered: choose yes or no."] }
        let consented = eligible == true ? values["consented"].flatMap(ScreeningField.boolean) : nil
        let reason = eligible == false ? values["ineligible_reason"] : nil
        if messages.isEmpty, let date, let eligible {
            let entry = ScreeningEntry(id: id, siteID: site, screeningDate: date, isEligible: eligible,
                                       ineligibleReason: reason, consented: consented)
            do {
                _ = try await ScreeningWrite.screen(entry, by: principal, services)
                return PageRenderer.redirect("/screening?saved=1")
            } catch let problem as Problem where problem.status == .unprocessableContent || problem.status == .conflict {
                for error in problem.errors { messages[error.field, default: []].append(PageWrite.sentence(error.rule, "")) }
                if problem.errors.isEmpty { messages[""] = [problem.detail] }
            }
        }
        return render(principal, context, values: values, messages: messages, status: .unprocessableContent)
    }

    private func render(
        _ principal: Principal, _ context: ServerContext, values: [String: String], messages: [String: [String]],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let proto = services.schedule.protocol
        let site = values["site_id"] ?? ""
        let names = ["screening_id", "site_id", "screening_date", "eligible", "ineligible_reason", "consented"]
        var fields = PageWrite.fields(names, values: values, messages: messages)
        fields["screening_id"]?["label"] = "Screening log number"
        fields["ineligible_reason"]?["label"] = "Reason not eligible"
        let data: [String: Any] = [
            "fields": fields, "form_errors": messages[""] ?? [], "has_form_errors": messages[""] != nil,
            "has_errors": !messages.isEmpty, "fixed_site": principal.role == .siteCoordinator ? site : "",
            "fixed_site_name": proto.site(id: site)?.name ?? site,
            "sites": PageRenderer.siteOptions(proto, for: principal, selected: site),
            "eligible_yes": values["eligible"] == "yes", "eligible_no": values["eligible"] == "no",
            "consented_yes": values["consented"] == "yes", "consented_no": values["consented"] == "no",
            "reasons": proto.outcomes.screeningExclusionReasons.map {
                ["value": $0.id, "label": $0.label, "selected": $0.id == values["ineligible_reason"]]
            },
        ]
        return renderer.page("screen", title: "Screen a person", principal: principal, csrf: context.csrf,
                             current: "/screening", data: data, status: status)
    }

    /// A screening exclusion reason's label.
    static func reasonLabel(_ id: String, _ proto: StudyProtocol) -> String {
        proto.outcomes.screeningExclusionReasons.first { $0.id == id }?.label ?? id
    }
}
