// SPDX-License-Identifier: Apache-2.0

/// What ``ServerState/claimIdempotencyKey(username:key:requestHash:at:)`` found.
public enum IdempotencyClaim: Sendable, Equatable {
    /// The key is new and now reserved for this request: run it, then store its response.
    case claimed
    /// The same request ran before: its status and stored response, to send again unchanged.
    case replay(status: Int, response: String)
    /// The same key is reserved by a request still running.
    case inFlight
    /// The key was used before with a different request.
    case mismatch
}
