// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import Hummingbird
import HTTPTypes
import WedgeCore
import WedgeStore

extension ServerContext {
    /// The principal, if their role may use `operation`: 401 without one, 403 (logged) when the role may not.
    func require(_ operation: APIOperation, _ services: ServerServices) throws -> Principal {
        guard let principal else { throw Problem.unauthenticated }
        guard AccessPolicy.permits(principal, operation) else {
            services.securityLog.notice("permission denied", metadata: [
                "user": "\(principal.username)", "role": "\(principal.role.rawValue)",
                "operation": "\(operation.rawValue)",
            ])
            throw Problem.forbidden(operation)
        }
        return principal
    }
}

/// Small helpers the routes share.
enum RouteSupport {
    /// The request body's bytes.
    static func body(_ request: Request, _ context: ServerContext) async throws -> Data {
        Data(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
    }

    /// Runs a store call, answering its errors as problems.
    static func store<T>(_ body: () async throws(StoreError) -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw StoreProblem.from(error)
        }
    }

    /// The study as of today, as the analysis reads it.
    static func snapshot(_ services: ServerServices) async throws -> StudySnapshot {
        let today = services.today()
        return try await store { () async throws(StoreError) in try await services.store.fetchSnapshot(dataLockDate: today) }
    }

    /// The open queries of `snapshot` as of today that `principal` may see (a site coordinator's own site only),
    /// limited to `site` and `kind` when given: the API's list, the worklist page, its CSV and the dashboard's counts.
    static func openQueries(
        _ snapshot: StudySnapshot, site: String? = nil, kind: OpenQuery.Kind? = nil, _ principal: Principal,
        _ services: ServerServices
    ) -> [OpenQuery] {
        OpenQueryFilter(siteID: site, kind: kind).apply(OpenQueries.find(in: snapshot, today: services.today()))
            .filter { AccessPolicy.reaches(principal, site: $0.siteID) }
    }

    /// The participant `id` if `principal` may see it, else 404 (the same answer as for no participant at all).
    static func visibleParticipant(
        _ id: String, _ principal: Principal, _ services: ServerServices
    ) async throws -> VersionedParticipant {
        guard let participant = try await store({ () async throws(StoreError) in try await services.store.participant(id) }),
              AccessPolicy.reaches(principal, site: participant.enrollment.record.siteID)
        else { throw Problem.noParticipant(id) }
        return participant
    }

    /// The site a listing is limited to: a site coordinator's own (another named site is 404), else the `site`
    /// query parameter, which must be a site of the study.
    static func siteFilter(_ request: Request, _ principal: Principal, _ services: ServerServices) throws -> String? {
        // An empty `site` (a form's "All sites") is no filter.
        let asked = request.uri.queryParameters.get("site").flatMap { $0.isEmpty ? nil : String($0) }
        if let asked, services.schedule.protocol.site(id: asked) == nil || !AccessPolicy.reaches(principal, site: asked) {
            throw Problem(.notFound, "No such site", "There is no site '\(asked)' that you can see.")
        }
        return principal.role == .siteCoordinator ? principal.siteID : asked
    }

    /// The version an `If-Match` header names: 428 without one, 400 when it is not one of ours.
    static func ifMatch(_ request: Request) throws -> Int64 {
        guard let value = request.headers[.ifMatch] else {
            throw Problem(.preconditionRequired, "If-Match required",
                          "Send the participant's ETag (from your last read) as If-Match, so that a change made by "
                          + "someone else in between is not overwritten.")
        }
        guard let version = ParticipantJSON.version(ifMatch: value) else {
            throw Problem.badRequest([("If-Match", "must be an ETag returned by this server, such as \"7\"")])
        }
        return version
    }
}
