// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import WedgeCore
import WedgeStore

/// `/api/v1/screenings`: the screening log. List (`listScreenings`), record a screened person (`screenPerson`),
/// and the data manager's correction and soft delete with a reason (`correctScreening`, `deleteScreening`). The
/// condition in effect is stamped from the schedule by the store, never sent. A site coordinator sees and writes
/// only their own site's screenings; another site's is 404.
struct ScreeningRoutes {
    let services: ServerServices

    func register(on group: RouterGroup<ServerContext>) {
        group.get("screenings", use: list)
        group.post("screenings", use: screen)
        group.post("screenings/:id/corrections", use: correct)
        group.post("screenings/:id/deletion", use: delete)
    }

    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.listScreenings, services)
        let site = try RouteSupport.siteFilter(request, principal, services)
        let records = try await RouteSupport.store { () async throws(StoreError) in try await services.store.screenings(siteID: site) }
        return APIResult(json: JSONValue.object([("screenings", .array(records.map(ScreeningJSON.object)))])).response()
    }

    @Sendable func screen(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.screenPerson, services)
        let body = try await RouteSupport.body(request, context)
        return try await Idempotency.run(request, body: body, principal: principal, services: services) { _ in
            var input = try JSONInput.parse(body, allowed: ["id", "site", "screening_date", "eligible", "ineligible_reason",
                                                            "consented"])
            let id = input.string("id"), site = input.string("site"), date = input.date("screening_date")
            let eligible = input.bool("eligible")
            let reason = input.string("ineligible_reason", required: false, nullable: true)
            let consented = input.bool("consented", required: false)
            if let id, !ParticipantRoutes.isParticipantID(id) {
                input.reject("id", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
            }
            try input.finish()
            guard let id, let site, let date = date.flatMap(CivilDate.init(iso:)), let eligible else {
                throw Problem.badRequest(input.errors)
            }
            let record = try await ScreeningWrite.screen(
                ScreeningEntry(id: id, siteID: site, screeningDate: date, isEligible: eligible, ineligibleReason: reason,
                               consented: consented), by: principal, services)
            return APIResult(json: ScreeningJSON.object(record), status: .created, location: "/api/v1/screenings?site=\(site)")
        }
    }

    @Sendable func correct(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.correctScreening, services)
        let body = try await RouteSupport.body(request, context)
        let id = try context.parameters.require("id")
        return try await Idempotency.run(request, body: body, principal: principal, services: services) { _ in
            var input = try JSONInput.parse(body, allowed: ["field", "value", "reason"])
            let field = input.string("field", maxLength: 32), value = input.string("value", nullable: true)
            let reason = input.string("reason", maxLength: 500)
            var known: ScreeningField?
            if let field {
                known = ScreeningField(rawValue: field).flatMap { ScreeningField.correctable.contains($0) ? $0 : nil }
                if known == nil {
                    input.reject("field", "must be one of " + ScreeningField.correctable.map(\.rawValue).joined(separator: ", "))
                }
            }
            try input.finish()
            guard let known, let reason else { throw Problem.badRequest(input.errors) }
            _ = try await ScreeningWrite.visible(id, principal, services)
            let record = try await RouteSupport.store { () async throws(StoreError) in
                try await services.store.correctScreening(screeningID: id, [known: value ?? ""], reason: reason,
                                                          actor: principal.actor, today: services.today())
            }
            return APIResult(json: ScreeningJSON.object(record))
        }
    }

    @Sendable func delete(_ request: Request, context: ServerContext) async throws -> Response {
        let principal = try context.require(.deleteScreening, services)
        let body = try await RouteSupport.body(request, context)
        let id = try context.parameters.require("id")
        return try await Idempotency.run(request, body: body, principal: principal, services: services) { _ in
            var input = try JSONInput.parse(body, allowed: ["reason"])
            let reason = input.string("reason", maxLength: 500)
            try input.finish()
            guard let reason else { throw Problem.badRequest(input.errors) }
            let record = try await ScreeningWrite.visible(id, principal, services)
            try await RouteSupport.store { () async throws(StoreError) in
                try await services.store.softDeleteScreening(screeningID: id, reason: reason, actor: principal.actor)
            }
            var deleted = record
            deleted.isDeleted = true
            return APIResult(json: ScreeningJSON.object(deleted))
        }
    }
}
