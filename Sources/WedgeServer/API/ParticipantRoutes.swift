// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HTTPTypes
import WedgeCore
import WedgeStore

/// `/api/v1/participants`: list, enroll, read, record outcomes and adverse events, correct, soft-delete, audit
/// history. Every handler asks ``AccessPolicy`` first; another site's participant is 404.
struct ParticipantRoutes {
    let services: ServerServices

    func register(on group: RouterGroup<ServerContext>) {
        group.get("participants", use: list)
        group.post("participants", use: enroll)
        group.get("participants/:id", use: read)
        group.post("participants/:id/outcomes", use: recordOutcomes)
        group.post("participants/:id/adverse-events", use: recordAdverseEvent)
        group.post("participants/:id/corrections", use: correct)
        group.post("participants/:id/deletion", use: delete)
        group.get("participants/:id/audit", use: audit)
    }

    private var store: any StudyStoring { services.store }

    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.listParticipants, services)
        let site = try RouteSupport.siteFilter(request, principal, services)
        let participants = try await RouteSupport.store { () async throws(StoreError) in
            try await store.participants(siteID: site)
        }
        return APIResult(json: ["participants": participants.map(ParticipantJSON.object)]).response()
    }

    @Sendable func read(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.getParticipant, services)
        let participant = try await RouteSupport.visibleParticipant(try context.parameters.require("id"), principal, services)
        return APIResult(json: ParticipantJSON.object(participant), etag: ParticipantJSON.etag(participant.version))
            .response()
    }

    @Sendable func enroll(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.enrollParticipant, services)
        let body = try await RouteSupport.body(request, context)
        return try await Idempotency.run(request, body: body, principal: principal, services: services) { claim in
            var input = try JSONInput.parse(body, allowed: ["id", "site", "admission_date", "baseline", "screening_id"])
            let id = input.string("id"), site = input.string("site"), admitted = input.date("admission_date")
            let screening = input.string("screening_id", required: false)
            let baseline = input.stringMap("baseline")
            if let id, !Self.isParticipantID(id) {
                input.reject("id", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
            }
            try input.finish()
            guard let id, let site, let admitted else { throw Problem.badRequest(input.errors) }
            guard AccessPolicy.reaches(principal, site: site) else {
                throw Problem(.notFound, "No such site", "There is no site '\(site)' that you can see.")
            }
            let record: ParticipantRecord
            switch ParticipantEntry.record(id: id, siteID: site, admissionDate: admitted,
                                           baseline: baseline.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
                                           protocol: services.schedule.protocol) {
            case .success(let value): record = value
            case .failure(let error): throw StoreProblem.from(.dataRejected(error))
            }
            let answer: @Sendable (StudyWriteResult) -> APIResult = { result in
                APIResult(json: ParticipantJSON.object(result.participant), status: .created,
                          etag: ParticipantJSON.etag(result.participant.version), location: "/api/v1/participants/\(id)")
            }
            guard let screening else {
                return try await commit(.enroll(record), by: principal, submitted: body, claim: claim, answer: answer)
            }
            // The link is a second write, so the answer is stored after it.
            try await ScreeningWrite.linkable(screening, site: site, principal, services)
            let result = try await commit(.enroll(record), by: principal, submitted: body, claim: nil, answer: answer)
            try await ScreeningWrite.link(screening, participant: id, by: principal, services)
            return result
        }
    }

    @Sendable func recordOutcomes(_ request: Request, context: ServerContext) async throws -> Response {
        try await participantWrite(.recordOutcomes, request, context, allowed: Set(ParticipantField.outcomes.map(\.rawValue)),
                                   versioned: true) { input, id, version in
            var values: [ParticipantField: String] = [:]
            for field in ParticipantField.outcomes {
                let text = ParticipantField.outcomeDates.contains { $0.0 == field }
                    ? input.date(field.rawValue, required: false) : input.string(field.rawValue, required: false)
                if let text { values[field] = text }
            }
            if values.isEmpty, input.errors.isEmpty { input.reject("(body)", "must give at least one outcome") }
            return .recordOutcomes(participantID: id, values: values, ifVersion: version)
        } answer: { result, _ in
            APIResult(json: ["participant": ParticipantJSON.object(result.participant),
                             "recorded": result.recorded.map(\.rawValue)],
                      etag: ParticipantJSON.etag(result.participant.version))
        }
    }

    @Sendable func recordAdverseEvent(_ request: Request, context: ServerContext) async throws -> Response {
        try await participantWrite(.recordAdverseEvent, request, context, allowed: ["date", "description", "serious"],
                                   versioned: false) { input, id, _ in
            let date = input.date("date").flatMap(CivilDate.init(iso:)), description = input.string("description", maxLength: 500)
            let serious = input.bool("serious")
            guard let date, let description, let serious else { return nil }
            return .adverseEvent(participantID: id, date: date, description: description, isSerious: serious)
        } answer: { result, id in
            guard let event = result.adverseEvent else { throw StoreProblem.from(.participantNotFound(id: id)) }
            return APIResult(json: ["id": event.id, "participant_id": id, "date": event.date.iso,
                                    "description": event.description, "serious": event.isSerious], status: .created,
                             etag: ParticipantJSON.etag(result.participant.version))
        }
    }

    @Sendable func correct(_ request: Request, context: ServerContext) async throws -> Response {
        try await participantWrite(.correctParticipant, request, context, allowed: ["field", "value", "reason"],
                                   versioned: true) { input, id, version in
            let field = input.string("field"), value = input.string("value", nullable: true)
            let reason = input.string("reason", maxLength: 500)
            guard let field, let reason else { return nil }
            return .correct(participantID: id, field: field, value: value, reason: reason, ifVersion: version)
        } answer: { result, _ in
            APIResult(json: ParticipantJSON.object(result.participant), etag: ParticipantJSON.etag(result.participant.version))
        }
    }

    @Sendable func delete(_ request: Request, context: ServerContext) async throws -> Response {
        try await participantWrite(.deleteParticipant, request, context, allowed: ["reason"], versioned: true) { input, id, version in
            guard let reason = input.string("reason", maxLength: 500) else { return nil }
            return .softDelete(participantID: id, reason: reason, ifVersion: version)
        } answer: { result, _ in
            APIResult(json: ParticipantJSON.object(result.participant), etag: ParticipantJSON.etag(result.participant.version))
        }
    }

    /// One write to the participant `:id`: the role check, an idempotent run, `If-Match` when `versioned` (428
    /// without it), the body's fields read by `parse` into a ``WedgeStore/StudyWrite`` (`nil` when a required one
    /// is missing), the group commit, and `answer` built from its result.
    private func participantWrite(
        _ operation: APIOperation, _ request: Request, _ context: ServerContext, allowed: Set<String>, versioned: Bool,
        parse: (inout JSONInput, _ id: String, _ version: Int64?) throws -> StudyWrite?,
        answer: @escaping @Sendable (StudyWriteResult, _ id: String) throws -> APIResult
    ) async throws -> Response {
        let principal = try context.require(operation, services)
        let body = try await RouteSupport.body(request, context)
        let id = try context.parameters.require("id")
        return try await Idempotency.run(request, body: body, principal: principal, services: services) { claim in
            let version = versioned ? try RouteSupport.ifMatch(request) : nil
            var input = try JSONInput.parse(body, allowed: allowed)
            let write = try parse(&input, id, version)
            try input.finish()
            guard let write else { throw Problem.badRequest(input.errors) }
            return try await commit(write, by: principal, submitted: body, claim: claim) { try answer($0, id) }
        }
    }

    @Sendable func audit(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.participantAudit, services)
        let id = try context.parameters.require("id")
        _ = try await RouteSupport.visibleParticipant(id, principal, services)
        let entries = try await RouteSupport.store { () async throws(StoreError) in
            try await store.auditTrail(participantID: id)
        }
        return APIResult(json: ["entries": entries.map { entry -> [String: Any] in
            ["id": entry.id, "at": entry.at, "actor": entry.actor, "action": entry.action.rawValue,
             "table": entry.table, "field": entry.field ?? NSNull(), "old_value": entry.oldValue ?? NSNull(),
             "new_value": entry.newValue ?? NSNull(), "reason": entry.reason ?? NSNull()]
        }]).response()
    }

    /// Commits `write` through the instance's group committer and answers with `answer` of its result, which the
    /// commit stores with the write under `claim`'s key. A refusal is answered as a problem; a stale version (found
    /// by the store inside the transaction) is answered 409 with the participant as that transaction read it beside
    /// the submitted values. The site check is the store's too, so a write reads nothing before it is committed, and
    /// a refusal reads nothing after.
    private func commit(
        _ write: StudyWrite, by principal: Principal, submitted: Data, claim: Idempotency.Claim?,
        answer: @escaping @Sendable (StudyWriteResult) throws -> APIResult
    ) async throws -> APIResult {
        switch await services.commit(write, by: principal, answer: claim?.answer(answer)) {
        case .success(let written):
            var result = try answer(written)
            result.answerStored = written.answered
            return result
        case .failure(let error):
            throw problem(error, submitted)
        }
    }

    /// `error` as a problem; for a version conflict, with the current participant and the submitted values.
    private func problem(_ error: StoreError, _ submitted: Data) -> Problem {
        var problem = StoreProblem.from(error)
        guard case .versionConflict(_, _, let current) = error else { return problem }
        if let current {
            problem.extra["current"] = ParticipantJSON.object(current)
            problem.headers[.eTag] = ParticipantJSON.etag(current.version)
        }
        problem.extra["submitted"] = (try? JSONDecoder().decode(JSONValue.self, from: submitted)) ?? JSONValue.object([])
        return problem
    }

    /// Whether `id` is a participant id the API accepts.
    static func isParticipantID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.count <= 64, first.properties.isASCIIHexDigit || first.isASCIILetter
        else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) }
    }
}

extension Unicode.Scalar {
    /// `a`–`z` or `A`–`Z`.
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
