// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import Logging
public import WedgeCore
public import WedgeStore

/// What the routes work with: the study on either engine, the server's shared state in the same database, the
/// clock, and the security log.
public struct ServerServices: Sendable {
    /// The study.
    public let store: any StudyStoring
    /// Accounts, tokens, throttling and idempotency keys.
    public let state: ServerState
    /// The stored schedule, read once at start (it never changes).
    public let schedule: Schedule
    /// Today's date, for the rules ("no date in the future") and for what the schedule discloses.
    public let today: @Sendable () -> CivilDate
    /// The current time.
    public let now: @Sendable () -> Date
    /// Logins, failed logins, token use and permission denials; never participant data.
    public let securityLog: Logger
    /// The instance's one writer of participant data (group commit).
    let committer: GroupCommitter
    /// Tokens checked in the last second (``TokenCache``).
    let tokens = TokenCache()
    /// Request and write counts for `/metrics`.
    let metrics = ServerMetrics()
    /// Whether the pages' session cookie is marked `Secure`: set it when browsers reach the server over TLS (behind
    /// a TLS reverse proxy), so the cookie never travels in clear.
    public var secureCookies = false

    /// Services over `store`, whose shared state is `state`.
    public init(store: any StudyStoring, state: ServerState, today: (@Sendable () -> CivilDate)? = nil,
                now: @escaping @Sendable () -> Date = Date.init,
                securityLog: Logger = Logger(label: "wedge.security")) async throws(StoreError) {
        self.store = store
        self.state = state
        schedule = try await store.fetchSchedule()
        self.now = now
        self.today = today ?? { CivilDate(dayNumber: Int((now().timeIntervalSince1970 / 86_400).rounded(.down))) }
        self.securityLog = securityLog
        committer = GroupCommitter(store: store)
    }

    /// Commits one write through the group committer, as `principal`, dated today, storing `answer` with it.
    func commit(_ write: StudyWrite, by principal: Principal, answer: IdempotentAnswer? = nil) async -> Result<StudyWriteResult, StoreError> {
        let site = principal.role == .siteCoordinator ? principal.siteID : nil
        return await committer.submit(StudyWriteRequest(write, actor: principal.actor, today: today(), siteID: site,
                                                        answer: answer))
    }

    /// The current time as ISO 8601 UTC with seconds.
    public func timestamp() -> String { now().formatted(.iso8601) }
}
