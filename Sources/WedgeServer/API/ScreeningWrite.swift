// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import WedgeCore
import WedgeStore

/// What the screening API and the screening pages share: the site check, the store call and the audit actor.
/// Screening writes are few (a handful a day per unit), so each is its own transaction rather than a member of
/// the group commit.
enum ScreeningWrite {
    /// Records `entry` as `principal`, at a site they reach (else 404, as for a participant).
    static func screen(_ entry: ScreeningEntry, by principal: Principal, _ services: ServerServices) async throws -> ScreeningRecord {
        guard AccessPolicy.reaches(principal, site: entry.siteID) else {
            throw Problem(.notFound, "No such site", "There is no site '\(entry.siteID)' that you can see.")
        }
        return try await RouteSupport.store { () async throws(StoreError) in
            try await services.store.screen(entry, actor: principal.actor, today: services.today())
        }
    }

    /// The screening `id` if `principal` may see it, else 404 (the same answer as for no screening at all).
    static func visible(_ id: String, _ principal: Principal, _ services: ServerServices) async throws -> ScreeningRecord {
        let site = principal.role == .siteCoordinator ? principal.siteID : nil
        let records = try await RouteSupport.store { () async throws(StoreError) in try await services.store.screenings(siteID: site) }
        guard let record = records.first(where: { $0.id == id }) else {
            throw Problem(.notFound, "No such screening", "There is no screening '\(id)' that you can see.")
        }
        return record
    }

    /// The next free screening log number of `site` (`scr-unit-a-0042`), as a suggestion a coordinator may change.
    static func nextID(site: String, _ services: ServerServices) async throws -> String {
        let records = try await RouteSupport.store { () async throws(StoreError) in try await services.store.screenings(siteID: site) }
        let used = Set(records.map(\.id))
        var number = records.count + 1
        while used.contains(Self.id(site, number)) { number += 1 }
        return Self.id(site, number)
    }

    private static func id(_ site: String, _ number: Int) -> String {
        let digits = String(number)
        return "scr-\(site)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension ScreeningWrite {
    /// Checks, before enrolling at `site`, that screening `id` can be linked: one `principal` sees, at the same site,
    /// eligible and consented, not linked yet. A refusal is 422 naming `screening_id`.
    static func linkable(_ id: String, site: String, _ principal: Principal, _ services: ServerServices) async throws {
        let record: ScreeningRecord
        do {
            record = try await visible(id, principal, services)
        } catch let problem as Problem where problem.status == .notFound {
            throw Problem.unprocessable("screening_id", "names no screening that you can see")
        }
        if record.siteID != site { throw Problem.unprocessable("screening_id", "is a screening of another site") }
        if !record.entry.isEnrollable { throw Problem.unprocessable("screening_id", "is not eligible and consented") }
        if record.participantID != nil { throw Problem.unprocessable("screening_id", "is already linked to a participant") }
    }

    /// Links screening `id` to the participant just enrolled from it.
    static func link(_ id: String, participant: String, by principal: Principal, _ services: ServerServices) async throws {
        _ = try await RouteSupport.store { () async throws(StoreError) in
            try await services.store.linkScreening(screeningID: id, participantID: participant, actor: principal.actor)
        }
    }
}

extension Problem {
    /// 422 for one field breaking one rule.
    static func unprocessable(_ field: String, _ rule: String) -> Problem {
        Problem(.unprocessableContent, "Breaks a study rule", "'\(field)' \(rule); nothing was written.",
                errors: [(field, rule)])
    }
}
