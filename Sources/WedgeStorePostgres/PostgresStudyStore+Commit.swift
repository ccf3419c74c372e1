// SPDX-License-Identifier: Apache-2.0

import PostgresNIO
public import WedgeStore

extension PostgresStudyStore {
    /// Two: while one group commits, the next takes its connection and waits for the chain's lock.
    public var concurrentCommits: Int { 2 }

    /// Commits `requests` in one transaction under the audit chain's lock (see ``WedgeStore/StudyStoring/commit(_:)``).
    ///
    /// The participants they name are read once; each request is applied to a copy of the staged state, which is
    /// kept only when the request succeeds, so a refused request leaves nothing behind. Then everything staged is
    /// sent and committed at once: for the whole group, one lock, one read (``WriteState``), one statement of writes
    /// (``PostgresWriteBatch``) and one commit, five round trips in all.
    public func commit(_ requests: [StudyWriteRequest]) async throws(StoreError) -> [Result<StudyWriteResult, StoreError>] {
        guard !requests.isEmpty else { return [] }
        let ids = Array(Set(requests.map(\.write.participantID))).sorted()
        let at = clock(), pool = connection, schedule = schedule, location = location
        return try await pool.transaction("commit \(requests.count) write(s)", write: true) { connection in
            let logger = pool.logger
            let state = try await WriteState.read(connection, ids: ids, logger: logger)
            var staged = StagedTransaction(
                schedule: schedule, participants: state.participants, read: ids,
                head: AuditChainHead(lastID: state.head?.id, lastHash: state.head?.hash, at: at, actor: ""),
                nextAdverseEventID: state.nextAdverseEventID, versions: state.versions, location: location)
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
