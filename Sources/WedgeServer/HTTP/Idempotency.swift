// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import WedgeCore
import Hummingbird
import HTTPTypes
import WedgeStore

/// `Idempotency-Key` on writes: the first request with a key runs and its answer is stored (in the study
/// database, so every instance sees it); a repeat with the same key and the same request gets that answer again,
/// with `Idempotent-Replayed: true`, and writes nothing. The same key with another request is 422; a repeat while
/// the first is still running is 409.
///
/// The key is reserved before the write. A participant write's answer is stored by the group commit in the write's
/// own transaction (``Claim/answer(_:)``), so a committed write always has its answer; any other answer (a refusal,
/// a screening or an account) is stored after it. If the process dies between such a write and its answer, the key
/// stays reserved (409 on retry) rather than letting a retry write twice; the client then reads what it wrote to
/// see whether the write happened.
enum Idempotency {
    /// A reserved key, given to the write that runs under it.
    struct Claim: Sendable {
        /// The account the key belongs to.
        let username: String
        /// The key.
        let key: String

        /// The answer the group commit stores with a successful write: `render` of its result (none when `render`
        /// throws; the refusal it throws is then answered and stored as any other).
        func answer(_ render: @escaping @Sendable (StudyWriteResult) throws -> APIResult) -> IdempotentAnswer {
            IdempotentAnswer(username: username, key: key) { result in
                (try? render(result)).map { ($0.status, $0.stored) }
            }
        }
    }

    /// Runs `write` once per key of `principal` (every time when the request has no key); `write` is given the
    /// claimed key, `nil` without one.
    static func run(
        _ request: Request, body: Data, principal: Principal, services: ServerServices,
        _ write: (Claim?) async throws -> APIResult
    ) async throws -> Response {
        guard let key = request.headers[.idempotencyKey] else { return try await write(nil).response() }
        guard (1...200).contains(key.count) else {
            throw Problem.badRequest([("Idempotency-Key", "must have 1 to 200 characters")])
        }
        let head = "\(request.method) \(request.uri.path)\n" + (request.headers[.ifMatch].map { "If-Match: \($0)\n" } ?? "")
        let hash = Digest.sha256Hex(of: Data(head.utf8) + body)
        let state = services.state
        switch try await state.claimIdempotencyKey(username: principal.username, key: key, requestHash: hash,
                                                   at: services.timestamp()) {
        case .replay(_, let stored):
            guard let result = APIResult(stored: stored) else {
                throw Problem(.internalServerError, "Stored answer unreadable", "The stored answer for this key is unreadable.")
            }
            return result.response(replayed: true)
        case .inFlight:
            throw Problem(.conflict, "Request in progress",
                          "A request with this Idempotency-Key is still running, or stopped without an answer; "
                          + "read the participant to see whether it was saved.")
        case .mismatch:
            throw Problem(.unprocessableContent, "Idempotency-Key reused",
                          "This Idempotency-Key was used for a different request; use a new key for a new request.")
        case .claimed:
            let result: APIResult
            do {
                result = try await write(Claim(username: principal.username, key: key))
            } catch let problem as Problem where problem.status.code < 500 {
                result = APIResult(problem: problem)
            } catch {
                // Nothing was written (the store's transaction rolled back): the key may be used again.
                try? await state.releaseIdempotencyKey(username: principal.username, key: key)
                throw error
            }
            guard !result.answerStored else { return result.response() }
            do {
                try await state.completeIdempotencyKey(username: principal.username, key: key, status: result.status,
                                                       response: result.stored)
            } catch {
                // The write is saved, so it is answered; the key stays reserved without an answer, as when the
                // process dies here (a retry gets 409 and reads the participant).
                services.securityLog.warning("idempotency answer not stored", metadata: [
                    "user": "\(principal.username)", "type": "\(type(of: error))",
                ])
            }
            return result.response()
        }
    }
}
