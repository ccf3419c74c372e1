// SPDX-License-Identifier: Apache-2.0

import GRDB
public import WedgeCore

extension StudyStore {
    /// Stores participants as a producer hands them over, in one transaction: for files too large to hold in
    /// memory.
    ///
    /// `produce` is called once, inside the write transaction, with a `store` function. Each call of `store`
    /// checks one enrollment as ``importParticipants(_:source:actor:)`` does (the id is not in the database,
    /// counting rows stored earlier in this import; the stamped condition agrees with the stored schedule;
    /// baseline covariates are the protocol's) and, if it passes, inserts it with its `insert` audit entry. It
    /// returns the problems of that row (empty when it was stored). What to do with a refused row is the
    /// producer's choice:
    ///
    /// - **all or nothing**: remember the problems, keep checking the remaining rows, and throw at the end;
    ///   the whole transaction is rolled back and nothing is written;
    /// - **skip invalid rows**: set the row aside and carry on; the rows stored are committed when `produce`
    ///   returns.
    ///
    /// Memory stays bounded by what the producer holds: rows are written as they come, and SQLite spills the
    /// uncommitted pages to the WAL file. A process killed in the middle leaves no trace, because the
    /// transaction never commits. When at least one participant was stored, a batch `import` audit entry is
    /// appended **after** the inserts (unlike ``importParticipants(_:source:actor:)``, which writes it first),
    /// because only then is the count known.
    ///
    /// ```swift
    /// let stored = try store.importParticipants(source: "big.csv", actor: "jdoe") { store in
    ///     for (enrollment, flags) in rows { issues += try store(enrollment, flags) }
    ///     if !issues.isEmpty { throw DataFileError(issues: issues) }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - source: Where the rows come from, such as the file name; recorded in the audit log.
    ///   - actor: Who imports them.
    ///   - produce: Hands over the rows through `store`; throwing rolls back everything.
    /// - Returns: How many participants were stored.
    /// - Throws: ``StoreError/actorRequired``; whatever `produce` throws, unchanged (a ``WedgeCore/DataFileError``
    ///   thrown by the producer comes back as itself); a wrapped SQLite error as ``StoreError``.
    public func importParticipants(
        source: String, actor: String,
        from produce: (_ store: (_ enrollment: Enrollment, _ flags: [OutcomeFlag]) throws -> [DataIssue]) throws -> Void
    ) throws -> Int {
        guard !actor.isBlank else { throw StoreError.actorRequired }
        let at = clock()
        var producerError: (any Error)?
        var storeError: (any Error)?
        do {
            return try bulkWrite("import participants") { db in
                var session = try ImportSession(db, source: source, at: at, actor: actor)
                let store: (Enrollment, [OutcomeFlag]) throws -> [DataIssue] = { enrollment, flags in
                    do {
                        return try session.store(db, enrollment, flags: flags, checkRepeats: false)
                    } catch {
                        storeError = error
                        throw error
                    }
                }
                do {
                    try produce(store)
                } catch {
                    if storeError == nil { producerError = error }
                    throw error
                }
                let count = session.stored
                if count > 0 {
                    try session.audit.append(session.checker.batchChange(count: count))
                }
                return count
            }
        } catch {
            if let producerError { throw producerError }
            throw error
        }
    }
}
