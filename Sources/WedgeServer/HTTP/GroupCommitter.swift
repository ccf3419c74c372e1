// SPDX-License-Identifier: Apache-2.0

import WedgeStore

/// The one writer of a server instance: requests wait in a queue, and whenever the store is free, everything
/// waiting is committed as one group (``WedgeStore/StudyStoring/commit(taking:)``); on PostgreSQL the next group
/// is already queued while one is written (``depth``), and takes its members when its turn comes. Each request is
/// acknowledged only after its group's commit returns, so an acknowledged write is durable; a refused one was
/// rolled back alone.
///
/// Why: the audit chain is linear, so appends are serialized however many connections there are. One transaction
/// per request pays a commit (an fsync) and, on PostgreSQL, the chain lock's round trips for every write; a group
/// pays them once for all the writes that arrived meanwhile. Under load the groups grow by themselves (up to
/// ``maxGroup``), and with a single client each write is its own group, with no added wait. The limit is then the
/// store's time per group: a commit plus a few statements per write.
actor GroupCommitter {
    /// A request waiting for its group's commit, and the continuation that answers it.
    private typealias Member = (request: StudyWriteRequest, done: CheckedContinuation<Result<StudyWriteResult, StoreError>, Never>)

    private let store: any StudyStoring
    private var pending: [Member] = []
    /// Groups being committed now.
    private var inFlight = 0
    /// The members each group under way took, by group number (taken when its transaction could write).
    private var taken: [Int: [Member]] = [:]
    /// The groups under way that may still take members: a group's store call that failed and was answered may
    /// leave work behind that asks to take later (its connection died under it); it then gets nothing.
    private var open: Set<Int> = []
    private var nextGroup = 0
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

    /// Starts a group while fewer than ``depth`` are under way and something is waiting. Its members are taken
    /// only when its transaction can write (``WedgeStore/StudyStoring/commit(taking:)``), so a group that waited
    /// for the chain's lock takes in everything that arrived meanwhile.
    private func startGroups() {
        while inFlight < depth, !pending.isEmpty {
            inFlight += 1
            let group = nextGroup
            nextGroup += 1
            open.insert(group)
            Task(priority: .high) { await self.commit(group) }
        }
    }

    /// The waiting requests, up to ``maxGroup``, now members of `group`.
    private func take(_ group: Int) -> [StudyWriteRequest] {
        guard open.contains(group), taken[group] == nil else { return [] }
        let members = Array(pending.prefix(maxGroup))
        pending.removeFirst(members.count)
        taken[group] = members
        return members.map(\.request)
    }

    private func commit(_ group: Int) async {
        let members: [Member]
        let results: [Result<StudyWriteResult, StoreError>]
        do {
            results = try await store.commit(taking: { await self.take(group) })
            members = taken.removeValue(forKey: group) ?? []
            committedGroups += members.isEmpty ? 0 : 1
            committedWrites += results.count
        } catch {
            // Failed before taking anything (no connection, the lock not reached): the requests waiting now would
            // meet the same failure, so they get it rather than a retry loop.
            _ = take(group)
            members = taken.removeValue(forKey: group) ?? []
            results = Array(repeating: .failure(error), count: members.count)
        }
        open.remove(group)
        for (member, result) in zip(members, results) { member.done.resume(returning: result) }
        inFlight -= 1
        startGroups()
    }

    /// The counts, for `/metrics`.
    func counts() -> (groups: Int, writes: Int) { (committedGroups, committedWrites) }
}
