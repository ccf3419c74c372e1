// SPDX-License-Identifier: Apache-2.0

import PostgresNIO
public import WedgeStore

extension PostgresStudyStore {
    /// Two: while the writer (``ChainWriter``) runs one group, the next is queued at it and starts the moment the
    /// first is written.
    public var concurrentCommits: Int { 2 }

    /// Commits `requests` as one group (see ``WedgeStore/StudyStoring/commit(_:)`` and ``commit(taking:)``).
    public func commit(_ requests: [StudyWriteRequest]) async throws(StoreError) -> [Result<StudyWriteResult, StoreError>] {
        guard !requests.isEmpty else { return [] }
        return try await commit(taking: { requests })
    }

    /// Commits what `take` returns, as one group, when the instance's writer (``ChainWriter``) gets to it with the
    /// audit chain's lock held (see ``WedgeStore/StudyStoring/commit(taking:)``): a group that waited takes in
    /// everything that arrived meanwhile.
    ///
    /// The participants the group names are read once (``WriteState``); each request is applied to a copy of the
    /// staged state, which is kept only when the request succeeds, so a refused request leaves nothing behind; a
    /// successful one's idempotent answer is staged with it (``WedgeStore/IdempotentAnswer``: its key was reserved
    /// by a statement that committed before the request was submitted, so the update finds it). Then
    /// everything staged is sent at once, as one statement that PostgreSQL commits by itself
    /// (``PostgresWriteBatch/commit(_:logger:)``): two round trips for the whole group.
    public func commit(
        taking take: @escaping @Sendable () async -> [StudyWriteRequest]
    ) async throws(StoreError) -> [Result<StudyWriteResult, StoreError>] {
        let clock = clock, writer = writer, schedule = schedule, location = location
        return try await writer.run("commit a group of writes") { connection, logger, tenure in
            let requests = await take()
            guard !requests.isEmpty else { return [] }
            let at = clock()
            let ids = Array(Set(requests.map(\.write.participantID))).sorted()
            let state = try await WriteState.read(connection, ids: ids, logger: logger)
            if state.othersWaiting { tenure.yield() }
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
                    var written = try trial.apply(request.write, today: request.today, site: request.siteID)
                    if let answer = request.answer { written.answered = trial.store(answer, of: written) }
                    results.append(.success(written))
                    staged = trial
                } catch {
                    guard let refusal = StagedTransaction.refusal(error) else { throw error }
                    results.append(.failure(refusal))
                }
            }
            do {
                try await staged.batch.commit(connection, logger: logger)
            } catch {
                throw ChainWriter.Writing(underlying: error)
            }
            return results
        }
    }
}
