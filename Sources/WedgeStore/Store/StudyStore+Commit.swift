// SPDX-License-Identifier: Apache-2.0

import GRDB

extension StudyStore {
    /// Commits `requests` in one write transaction, each inside a savepoint: a refused request is rolled back to
    /// its savepoint and reported as its result, and the others go on (see ``StudyStoring/commit(_:)``).
    public func commit(_ requests: [StudyWriteRequest]) throws(StoreError) -> [Result<StudyWriteResult, StoreError>] {
        let at = clock()
        return try write("commit \(requests.count) write(s)") { db in
            var results: [Result<StudyWriteResult, StoreError>] = []
            results.reserveCapacity(requests.count)
            for request in requests {
                guard !request.actor.isBlank else {
                    results.append(.failure(.actorRequired))
                    continue
                }
                var result: Result<StudyWriteResult, StoreError> = .failure(.actorRequired)
                try db.inSavepoint {
                    var transaction = SQLiteStudyTransaction(db, at: at, actor: request.actor)
                    do {
                        result = .success(try transaction.apply(request.write, today: request.today))
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
