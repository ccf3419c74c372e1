// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import WedgeCore
import WedgeStore

/// `GET`/`POST /enroll`: enrolls a participant (`enrollParticipant`, at a site the principal reaches).
///
/// The condition is never chosen: the form shows the one the schedule will stamp for the site and admission
/// date (a date that has come, so the condition has started and nothing is disclosed early). "Show the condition"
/// posts the form with `action=preview`, which writes nothing and shows the form again, so it works without
/// JavaScript.
struct EnrollPage {
    let services: ServerServices
    let renderer: PageRenderer

    func register(on group: RouterGroup<ServerContext>) {
        group.get("enroll", use: form)
        group.post("enroll", use: enroll)
    }

    @Sendable func form(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.enrollParticipant, services)
        var values = ["admission_date": services.today().iso]
        if let screening = request.uri.queryParameters.get("screening").map({ String($0) }) {
            let record = try await ScreeningWrite.visible(screening, principal, services)
            values["screening_id"] = record.id
            values["site_id"] = record.siteID
            values["admission_date"] = record.screeningDate.iso
        }
        return render(principal, context, values: values, messages: [:])
    }

    @Sendable func enroll(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.enrollParticipant, services)
        let form = FormInput(try await RouteSupport.body(request, context))
        let proto = services.schedule.protocol
        var values: [String: String] = [:]
        for name in ["participant_id", "site_id", "admission_date", "screening_id"] + proto.baseline.map(\.id) {
            if let value = form.text(name) { values[name] = value }
        }
        let site = values["site_id"] ?? principal.siteID ?? ""
        values["site_id"] = site
        guard AccessPolicy.reaches(principal, site: site) else { throw Problem(.notFound, "No such site", "There is no site '\(site)' that you can see.") }
        if form.text("action") == "preview" { return render(principal, context, values: values, messages: [:]) }
        var messages: [String: [String]] = [:]
        if let id = values["participant_id"], !ParticipantRoutes.isParticipantID(id) {
            messages["participant_id"] = ["must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit."]
        }
        let baseline = proto.baseline.compactMap { covariate in values[covariate.id].map { "\(covariate.id)=\($0)" } }
        switch ParticipantEntry.record(id: values["participant_id"] ?? "", siteID: site,
                                       admissionDate: values["admission_date"] ?? "", baseline: baseline, protocol: proto) {
        case .failure(let error):
            for issue in error.issues { messages[issue.field, default: []].append(PageWrite.sentence(issue.problem, issue.expected)) }
        case .success(let record) where messages.isEmpty:
            if let screening = values["screening_id"] {
                do {
                    try await ScreeningWrite.linkable(screening, site: site, principal, services)
                } catch let problem as Problem where problem.status == .unprocessableContent {
                    messages[""] = problem.errors.map { "Screening \(screening) \($0.rule)." }
                    break
                }
            }
            switch try await PageWrite.commit(.enroll(record), by: principal, services) {
            case .saved:
                guard let screening = values["screening_id"] else {
                    return PageRenderer.redirect("/participants/\(record.id)?saved=enrolled")
                }
                do {
                    try await ScreeningWrite.link(screening, participant: record.id, by: principal, services)
                    return PageRenderer.redirect("/participants/\(record.id)?saved=enrolled-screened")
                } catch {
                    return PageRenderer.redirect("/participants/\(record.id)?saved=enrolled-unlinked")
                }
            case .refused(let refused):
                messages = refused
            case .conflict:
                messages[""] = ["Someone else changed this participant; reload and try again."]
            }
        case .success:
            break
        }
        return render(principal, context, values: values, messages: messages, status: .unprocessableContent)
    }

    private func render(
        _ principal: Principal, _ context: ServerContext, values: [String: String], messages: [String: [String]],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let proto = services.schedule.protocol
        let site = principal.role == .siteCoordinator ? principal.siteID ?? "" : values["site_id"] ?? ""
        let sites = PageRenderer.siteOptions(proto, for: principal, selected: site)
        let baseline = proto.baseline.map { covariate -> [String: Any] in
            let errors = messages[covariate.id] ?? []
            var field: [String: Any] = [
                "id": covariate.id, "label": covariate.label, "required": covariate.isRequired,
                "value": values[covariate.id] ?? "", "errors": errors, "invalid": !errors.isEmpty,
                "error_id": "\(covariate.id)-error",
            ]
            switch covariate.kind {
            case .number(let min, let max):
                field["number"] = true
                if let min { field["min"] = Self.number(min) }
                if let max { field["max"] = Self.number(max) }
            case .categorical(let levels):
                field["options"] = Self.options(levels, selected: values[covariate.id])
                field["has_options"] = true
            case .boolean:
                field["options"] = Self.options(["yes", "no"], selected: values[covariate.id])
                field["has_options"] = true
            }
            return field
        }
        var data: [String: Any] = [
            "fields": PageWrite.fields(["participant_id", "site_id", "admission_date"], values: values, messages: messages),
            "sites": sites, "fixed_site": principal.role == .siteCoordinator ? site : "",
            "fixed_site_name": proto.site(id: site)?.name ?? site,
            "baseline": baseline, "form_errors": messages[""] ?? [], "has_form_errors": messages[""] != nil,
            "has_errors": !messages.isEmpty,
            "today": services.today().iso, "screening_id": values["screening_id"] ?? "",
        ]
        data["stamp"] = stamp(site: site, date: values["admission_date"])
        return renderer.page("enroll", title: "Enroll a participant", principal: principal,
                             csrf: context.csrf, current: "/participants", data: data, status: status)
    }

    /// What the schedule will stamp for an admission at `site` on `date`, or why it cannot say.
    private func stamp(site: String, date text: String?) -> [String: Any] {
        let proto = services.schedule.protocol
        guard let name = proto.site(id: site)?.name else { return ["unknown": "Choose the site to see the condition."] }
        guard let text, let date = CivilDate(iso: text) else { return ["unknown": "Enter the admission date to see the condition."] }
        guard date <= services.today() else { return ["unknown": "Admission dates may not be in the future."] }
        guard let cell = services.schedule.cell(siteID: site, on: date) else {
            return ["unknown": "\(date.iso) is outside the study's enrollment window."]
        }
        return ["condition": proto.condition(id: cell.conditionID)?.label ?? cell.conditionID, "site": name,
                "date": date.iso, "period": cell.period + 1]
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// A select's options for `levels`, the one equal to `selected` marked.
    private static func options(_ levels: [String], selected: String?) -> [[String: Any]] {
        levels.map { ["value": $0, "label": $0, "selected": $0 == selected] }
    }
}
