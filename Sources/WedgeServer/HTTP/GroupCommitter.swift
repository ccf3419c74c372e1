// SPDX-License-Identifier: Apache-2.0

import WedgeStore

/// The one writer of a server instance: requests wait in a queue, and whenever the store is free, everything
/// waiting is committed in one transaction (``WedgeStore/StudyStoring/commit(_:)``). Each request is acknowledged
/// only after that transaction's commit returns, so an acknowledged write is durable; a refused one was rolled back
/// alone.
///
/// Why: the audit chain is linear, so appends are serialized however many connections there are. One transaction
/// per request pays a commit (an fsync) and, on PostgreSQL, the chain lock's round trips for every write; a group
/// pays them once for all the writes that arrived meanwhile. Under load the groups grow by themselves (up to
/// ``maxGroup``), and with a single client each write is its own group, with no added wait. The limit is then the
/// store's time per group: a commit plus a few statements per write.
actor GroupCommitter {
    private let store: any StudyStoring
    private var pending: [(request: StudyWriteRequest, done: CheckedContinuation<Result<StudyWriteResult, StoreError>, Never>)] = []
    private var draining = false
    /// The most requests committed together.
    let maxGroup: Int
    /// Counts for `/metrics`.
    private(set) var committedGroups = 0
    private(set) var committedWrites = 0

    init(store: any StudyStoring, maxGroup: Int = 256) {
        self.store = store
        self.maxGroup = maxGroup
    }

    /// Commits `request` with whatever else is waiting; returns its own result. A failure of the whole transaction
    /// (the database unreachable) is every member's failure.
    func submit(_ request: StudyWriteRequest) async -> Result<StudyWriteResult, StoreError> {
        await withCheckedContinuation { continuation in
            pending.append((request, continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let group = Array(pending.prefix(maxGroup))
            pending.removeFirst(group.count)
            let results: [Result<StudyWriteResult, StoreError>]
            do {
                results = try await store.commit(group.map(\.request))
                committedGroups += 1
                committedWrites += results.count
            } catch {
                results = Array(repeating: .failure(error), count: group.count)
            }
            for (member, result) in zip(group, results) { member.done.resume(returning: result) }
        }
        draining = false
    }

    /// The counts, for `/metrics`.
    func counts() -> (groups: Int, writes: Int) { (committedGroups, committedWrites) }
}
