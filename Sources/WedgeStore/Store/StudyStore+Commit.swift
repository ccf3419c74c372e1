// SPDX-License-Identifier: Apache-2.0

import GRDB

extension StudyStore {
    /// Commits `requests` in one write transaction, each inside a savepoint: a refused request is rolled back to
    /// its savepoint and reported as its result, and the others go on (see ``StudyStoring/commit(_:)``). A
    /// successful request's idempotent answer is stored in its savepoint (``IdempotentAnswer``).
    public func commit(_ requests: [StudyWriteRequest]) async throws(StoreError) -> [Result<StudyWriteResult, StoreError>] {
        let at = clock(), scheduleCache = scheduleCache
        return try await asyncWrite("commit \(requests.count) write(s)") { db in
            // The schedule is read (and its protocol parsed) once for the whole group.
            let schedule = try scheduleCache.value { try StudyStore.schedule(db) }
            var results: [Result<StudyWriteResult, StoreError>] = []
            results.reserveCapacity(requests.count)
            for request in requests {
                guard !request.actor.isBlank else {
                    results.append(.failure(.actorRequired))
                    continue
                }
                var result: Result<StudyWriteResult, StoreError> = .failure(.actorRequired)
                try db.inSavepoint {
                    var transaction = SQLiteStudyTransaction(db, at: at, actor: request.actor, schedule: schedule)
                    do {
                        var written = try transaction.apply(request.write, today: request.today, site: request.siteID)
                        if let answer = request.answer, let (status, response) = answer.render(written) {
                            try db.execute(sql: ServerState.answerSQL, arguments: [status, response, answer.username, answer.key])
                            written.answered = db.changesCount == 1
                        }
                        result = .success(written)
                        return .commit
                    } catch {
                        guard let refusal = SQLiteStudyTransaction.refusal(error) else { throw error }
                        result = .failure(refusal)
                        return .rollback
                    }
                }
                results.append(result)
            }
            return results
        }
    }
}
