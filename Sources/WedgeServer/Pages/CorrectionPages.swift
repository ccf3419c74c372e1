// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import WedgeCore
import WedgeStore

/// `GET`/`POST /participants/:id/correct` (`correctParticipant`) and `POST /participants/:id/delete`
/// (`deleteParticipant`): the data manager's corrections and soft delete, each with a reason that goes into the
/// audit history beside the old and new values. Both carry the participant's version, as the outcome form does.
struct CorrectionPages {
    let services: ServerServices
    let renderer: PageRenderer

    func register(on group: RouterGroup<ServerContext>) {
        group.get("participants/:id/correct", use: form)
        group.post("participants/:id/correct", use: correct)
        group.post("participants/:id/delete", use: delete)
    }

    /// The fields a correction may name: the admission date, the baseline covariates and the outcomes.
    private var fields: [String] {
        ["admission_date"] + services.schedule.protocol.baseline.map(\.id) + ParticipantField.outcomes.map(\.rawValue)
    }

    @Sendable func form(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.correctParticipant, services)
        let participant = try await RouteSupport.visibleParticipant(try context.parameters.require("id"), principal, services)
        return render(principal, context, participant, values: [:], messages: [:], version: participant.version)
    }

    @Sendable func correct(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.correctParticipant, services)
        let participant = try await RouteSupport.visibleParticipant(try context.parameters.require("id"), principal, services)
        let form = FormInput(try await RouteSupport.body(request, context))
        let values = ["field": form.text("field") ?? "", "value": form.text("value") ?? "", "reason": form.text("reason") ?? ""]
        guard let version = form.text("version").flatMap(Int64.init) else {
            throw Problem.badRequest([("version", "is required; reload the form")])
        }
        var messages: [String: [String]] = [:]
        if !fields.contains(values["field"]!) { messages["field"] = ["is not chosen: choose the field to correct."] }
        if values["reason"]!.isEmpty { messages["reason"] = ["is required: say why the value changes."] }
        if values["reason"]!.count > 500 { messages["reason"] = ["must be under 500 characters."] }
        if messages.isEmpty {
            let id = participant.enrollment.record.id
            let write = StudyWrite.correct(participantID: id, field: values["field"]!,
                                           value: values["value"]!.isEmpty ? nil : values["value"],
                                           reason: values["reason"]!, ifVersion: version)
            switch try await PageWrite.commit(write, by: principal, services) {
            case .saved:
                return PageRenderer.redirect("/participants/\(id)?saved=corrected")
            case .refused(let refused):
                // A rule's message names the corrected field; show it under the value.
                for (field, texts) in refused { messages[field == "reason" ? "reason" : "value", default: []] += texts }
            case .conflict:
                messages[""] = ["Someone else changed this participant since you opened the form; nothing was saved. "
                                + "Reload to see their change."]
                return render(principal, context, participant, values: values, messages: messages, version: version,
                              status: .conflict)
            }
        }
        return render(principal, context, participant, values: values, messages: messages, version: version,
                      status: .unprocessableContent)
    }

    @Sendable func delete(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.deleteParticipant, services)
        let participant = try await RouteSupport.visibleParticipant(try context.parameters.require("id"), principal, services)
        let form = FormInput(try await RouteSupport.body(request, context))
        let id = participant.enrollment.record.id
        let version = form.text("version").flatMap(Int64.init) ?? -1
        guard let reason = form.text("reason"), reason.count <= 500 else {
            return render(principal, context, participant, values: [:],
                          messages: ["delete_reason": ["is required (under 500 characters)."]],
                          version: version, status: .unprocessableContent)
        }
        switch try await PageWrite.commit(.softDelete(participantID: id, reason: reason, ifVersion: version),
                                          by: principal, services) {
        case .saved:
            return PageRenderer.redirect("/participants/\(id)?saved=deleted")
        case .refused(let messages):
            return render(principal, context, participant, values: [:],
                          messages: ["delete_reason": messages.values.flatMap { $0 }], version: version,
                          status: .unprocessableContent)
        case .conflict:
            return render(principal, context, participant, values: [:],
                          messages: ["": ["Someone else changed this participant since you opened the form; nothing was "
                                          + "deleted. Reload to see their change."]],
                          version: version, status: .conflict)
        }
    }

    private func render(
        _ principal: Principal, _ context: ServerContext, _ participant: VersionedParticipant, values: [String: String],
        messages: [String: [String]], version: Int64, status: HTTPResponse.Status = .ok
    ) -> Response {
        var data = ParticipantView.data(participant, services.schedule.protocol)
        data["version"] = version
        data["choices"] = fields.map { ["value": $0, "label": FieldLabels.label($0), "selected": $0 == values["field"]] }
        data["fields"] = PageWrite.fields(["field", "value", "reason", "delete_reason"], values: values, messages: messages)
        data["form_errors"] = messages[""] ?? []
        data["has_form_errors"] = messages[""] != nil
        data["has_errors"] = !messages.isEmpty
        return renderer.page("correct", title: "Correct \(participant.enrollment.record.id)", principal: principal,
                             csrf: context.csrf, current: "/participants", data: data, status: status)
    }
}
