// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import WedgeCore
import WedgeStore

/// `GET`/`POST /participants/:id/outcomes`: the induction outcome form (`recordOutcomes`).
///
/// The form carries the participant's version; the store checks it inside the transaction, so when someone else
/// saved first the page shows their values beside the submitted ones and writes nothing. The study's rules run as
/// for every write; their messages appear next to the field they concern (`aria-describedby`). Filled fields are
/// recorded; changing a value already recorded is a correction, with a reason.
struct OutcomesPage {
    let services: ServerServices
    let renderer: PageRenderer

    func register(on group: RouterGroup<ServerContext>) {
        group.get("participants/:id/outcomes", use: form)
        group.post("participants/:id/outcomes", use: record)
    }

    @Sendable func form(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.recordOutcomes, services)
        let participant = try await RouteSupport.visibleParticipant(try context.parameters.require("id"), principal, services)
        var values: [String: String] = [:]
        for case let (field, value?) in ParticipantState.outcomeValues(participant.enrollment.record.outcome) {
            values[field.rawValue] = value
        }
        return render(principal, context, participant, values: values, version: participant.version, messages: [:])
    }

    @Sendable func record(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.recordOutcomes, services)
        let participant = try await RouteSupport.visibleParticipant(try context.parameters.require("id"), principal, services)
        let form = FormInput(try await RouteSupport.body(request, context))
        let id = participant.enrollment.record.id
        var values: [ParticipantField: String] = [:]
        for field in ParticipantField.outcomes { if let value = form.text(field.rawValue) { values[field] = value } }
        let submitted = Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
        guard let version = form.text("version").flatMap(Int64.init) else {
            throw Problem.badRequest([("version", "is required; reload the form")])
        }
        if values.isEmpty {
            return render(principal, context, participant, values: submitted, version: version,
                          messages: ["": ["Fill in at least one outcome."]], status: .unprocessableContent)
        }
        switch try await PageWrite.commit(.recordOutcomes(participantID: id, values: values, ifVersion: version),
                                          by: principal, services) {
        case .saved:
            return PageRenderer.redirect("/participants/\(id)?saved=outcomes")
        case .refused(let messages):
            return render(principal, context, participant, values: submitted, version: version, messages: messages,
                          status: .unprocessableContent)
        case .conflict(let current):
            return conflict(principal, context, current ?? participant, submitted: submitted)
        }
    }

    private func render(
        _ principal: Principal, _ context: ServerContext, _ participant: VersionedParticipant, values: [String: String],
        version: Int64, messages: [String: [String]], status: HTTPResponse.Status = .ok
    ) -> Response {
        let proto = services.schedule.protocol
        var data = ParticipantView.data(participant, proto)
        data["version"] = version
        data["fields"] = PageWrite.fields(ParticipantField.outcomes.map(\.rawValue), values: values, messages: messages)
        data["procedures"] = proto.conditions.map { ["value": $0.id, "label": $0.label,
                                                      "selected": $0.id == values["procedure_received"]] }
        data["reasons"] = proto.outcomes.nonInitiationReasons.map { ["value": $0.id, "label": $0.label,
                                                                     "selected": $0.id == values["not_initiated_reason"]] }
        data["form_errors"] = messages[""] ?? []
        data["has_form_errors"] = messages[""] != nil
        data["has_errors"] = !messages.isEmpty
        data["today"] = services.today().iso
        return renderer.page("outcomes", title: "Outcomes of \(participant.enrollment.record.id)", principal: principal,
                             csrf: context.csrf, current: "/participants", data: data, status: status)
    }

    /// 409: the current values beside the submitted ones; nothing was written.
    private func conflict(
        _ principal: Principal, _ context: ServerContext, _ current: VersionedParticipant, submitted: [String: String]
    ) -> Response {
        let proto = services.schedule.protocol
        var now: [String: String] = [:]
        for case let (field, value?) in ParticipantState.outcomeValues(current.enrollment.record.outcome) {
            now[field.rawValue] = ParticipantView.display(field, value, proto)
        }
        let rows = ParticipantField.outcomes.map { field -> [String: Any] in
            let mine = submitted[field.rawValue].map { ParticipantView.display(field, $0, proto) } ?? ""
            let theirs = now[field.rawValue] ?? ""
            return ["label": FieldLabels.label(field.rawValue), "current": theirs, "submitted": mine,
                    "differs": !mine.isEmpty && mine != theirs]
        }
        var data = ParticipantView.data(current, proto)
        data["rows"] = rows
        return renderer.page("conflict", title: "Someone else saved first", principal: principal,
                             csrf: context.csrf, current: "/participants", data: data, status: .conflict)
    }
}
