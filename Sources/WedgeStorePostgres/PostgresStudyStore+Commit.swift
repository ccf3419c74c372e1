// SPDX-License-Identifier: Apache-2.0

import PostgresNIO
public import WedgeStore

extension PostgresStudyStore {
    /// Commits `requests` in one transaction under the audit chain's lock (see ``WedgeStore/StudyStoring/commit(_:)``).
    ///
    /// The participants they name are read once; each request is applied to a copy of the staged state, which is
    /// kept only when the request succeeds, so a refused request leaves nothing behind. Then everything staged is
    /// sent and committed at once: one lock, one round of COPYs and one commit for the whole group.
    public func commit(_ requests: [StudyWriteRequest]) async throws(StoreError) -> [Result<StudyWriteResult, StoreError>] {
        guard !requests.isEmpty else { return [] }
        let ids = Array(Set(requests.map(\.write.participantID))).sorted()
        let at = clock(), pool = connection, schedule = schedule, location = location
        return try await pool.transaction("commit \(requests.count) write(s)", write: true) { connection in
            let logger = pool.logger
            let head = try await PostgresReads.auditHead(connection, logger: logger)
            var staged = StagedTransaction(
                schedule: schedule,
                participants: try await PostgresReads.participants(connection, ids: ids, includeDeleted: true, logger: logger),
                read: ids, head: AuditChainHead(lastID: head?.id, lastHash: head?.hash, at: at, actor: ""),
                nextAdverseEventID: try await PostgresReads.nextAdverseEventID(connection, logger: logger),
                versions: try await PostgresReads.versions(connection, ids: ids, logger: logger), location: location)
            var results: [Result<StudyWriteResult, StoreError>] = []
            for request in requests {
                guard !request.actor.isBlank else {
                    results.append(.failure(.actorRequired))
                    continue
                }
                var trial = staged
                trial.setActor(request.actor)
                do {
                    results.append(.success(try trial.apply(request.write, today: request.today, site: request.siteID)))
                    staged = trial
                } catch {
                    guard let refusal = StagedTransaction.refusal(error) else { throw error }
                    results.append(.failure(refusal))
                }
            }
            try await staged.batch.write(connection, logger: logger)
            return results
        }
    }
}
