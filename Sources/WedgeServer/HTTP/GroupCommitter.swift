// SPDX-License-Identifier: Apache-2.0

import WedgeStore

/// The one writer of a server instance: requests wait in a queue, and whenever the store is free, everything
/// waiting is committed in one transaction (``WedgeStore/StudyStoring/commit(_:)``); on PostgreSQL the next group
/// may already queue for the chain's lock while one commits (``depth``). Each request is acknowledged only after
/// that transaction's commit returns, so an acknowledged write is durable; a refused one was rolled back alone.
///
/// Why: the audit chain is linear, so appends are serialized however many connections there are. One transaction
/// per request pays a commit (an fsync) and, on PostgreSQL, the chain lock's round trips for every write; a group
/// pays them once for all the writes that arrived meanwhile. Under load the groups grow by themselves (up to
/// ``maxGroup``), and with a single client each write is its own group, with no added wait. The limit is then the
/// store's time per group: a commit plus a few statements per write.
actor GroupCommitter {
    private let store: any StudyStoring
    private var pending: [(request: StudyWriteRequest, done: CheckedContinuation<Result<StudyWriteResult, StoreError>, Never>)] = []
    /// Groups being committed now.
    private var inFlight = 0
    /// The most requests committed together.
    let maxGroup: Int
    /// The most groups under way at once (``WedgeStore/StudyStoring/concurrentCommits``): on PostgreSQL the next
    /// group queues for the chain's lock while one commits; appends stay one transaction at a time.
    let depth: Int
    /// Counts for `/metrics`.
    private(set) var committedGroups = 0
    private(set) var committedWrites = 0

    init(store: any StudyStoring, maxGroup: Int = 256) {
        self.store = store
        self.maxGroup = maxGroup
        depth = max(1, store.concurrentCommits)
    }

    /// Commits `request` with whatever else is waiting; returns its own result. A failure of the whole transaction
    /// (the database unreachable) is every member's failure.
    func submit(_ request: StudyWriteRequest) async -> Result<StudyWriteResult, StoreError> {
        await withCheckedContinuation { continuation in
            pending.append((request, continuation))
            startGroups()
        }
    }

    /// Starts a group of what is waiting, while fewer than ``depth`` are under way.
    private func startGroups() {
        while inFlight < depth, !pending.isEmpty {
            let group = Array(pending.prefix(maxGroup))
            pending.removeFirst(group.count)
            inFlight += 1
            Task { await self.commit(group) }
        }
    }

    private func commit(
        _ group: [(request: StudyWriteRequest, done: CheckedContinuation<Result<StudyWriteResult, StoreError>, Never>)]
    ) async {
        let results: [Result<StudyWriteResult, StoreError>]
        do {
            results = try await store.commit(group.map(\.request))
            committedGroups += 1
            committedWrites += results.count
        } catch {
            results = Array(repeating: .failure(error), count: group.count)
        }
        for (member, result) in zip(group, results) { member.done.resume(returning: result) }
        inFlight -= 1
        startGroups()
    }

    /// The counts, for `/metrics`.
    func counts() -> (groups: Int, writes: Int) { (committedGroups, committedWrites) }
}
