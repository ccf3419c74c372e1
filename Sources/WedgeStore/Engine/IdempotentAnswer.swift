// SPDX-License-Identifier: Apache-2.0

/// The answer a write with an `Idempotency-Key` keeps for its replays, stored by the group commit in the write's own
/// transaction (``StudyWriteRequest/answer``), so that a committed write always has its answer: a retry after a lost
/// response, or after the server died just after the commit, gets it again instead of a 409.
///
/// The key was reserved before the write (``ServerState/claimIdempotencyKey(username:key:requestHash:at:)``); the
/// commit fills in its status and response, as ``ServerState/completeIdempotencyKey(username:key:status:response:)``
/// would after it, one statement fewer. A refused write stores nothing here: its caller answers and stores the
/// refusal itself.
public struct IdempotentAnswer: Sendable, Equatable {
    /// The account the key belongs to.
    public var username: String
    /// The key.
    public var key: String
    /// The answer to a successful write, from its result: the HTTP status and the stored response; `nil` when there
    /// is none to store (the caller then stores what it answers).
    public var render: @Sendable (StudyWriteResult) -> (status: Int, response: String)?

    /// An answer for `key` of `username`.
    public init(username: String, key: String, render: @escaping @Sendable (StudyWriteResult) -> (status: Int, response: String)?) {
        self.username = username
        self.key = key
        self.render = render
    }

    /// The same key of the same account (the rendering is not compared).
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.username == rhs.username && lhs.key == rhs.key }
}
