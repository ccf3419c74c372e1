// SPDX-License-Identifier: Apache-2.0

import Foundation
public import Hummingbird
public import HTTPTypes

/// An error answered as an RFC 9457 problem document (`application/problem+json`): a status, a title, a detail
/// that names the field and the rule, never a participant's value, and for a stale write the current and submitted
/// values side by side.
/// `@unchecked Sendable`: ``extra`` holds JSON trees (dictionaries, arrays, strings, numbers), built once and never
/// mutated after the problem is thrown.
public struct Problem: Error, HTTPResponseError, @unchecked Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short human-readable summary of the kind of problem.
    public var title: String
    /// What went wrong in this request and how to fix it.
    public var detail: String
    /// The fields at fault and the rule each breaks.
    public var errors: [(field: String, rule: String)] = []
    /// Members added to the document (`current`, `submitted` of a conflict).
    public var extra: [String: Any] = [:]
    /// Headers added to the response (`Retry-After`).
    public var headers: HTTPFields = [:]

    /// A problem.
    public init(_ status: HTTPResponse.Status, _ title: String, _ detail: String,
                errors: [(field: String, rule: String)] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    /// The problem document.
    var document: [String: Any] {
        var body: [String: Any] = [
            "type": "https://wedge.invalid/problems/\(status.code)", "title": title, "status": status.code,
            "detail": detail,
        ]
        if !errors.isEmpty { body["errors"] = errors.map { ["field": $0.field, "rule": $0.rule] } }
        for (key, value) in extra { body[key] = value }
        return body
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(document, status: status, contentType: "application/problem+json")
        for field in headers { response.headers.append(field) }
        return response
    }

    // MARK: Common problems

    /// 401: no valid credentials.
    static let unauthenticated = Problem(
        .unauthorized, "Not signed in",
        "Send a valid, unexpired API token as `Authorization: Bearer TOKEN` (ask an administrator for one).")

    /// 403: the role may not use the operation.
    static func forbidden(_ operation: APIOperation) -> Problem {
        Problem(.forbidden, "Not allowed for this role",
                "Your role may not use '\(operation.rawValue)'. The role table is in docs/server.md.")
    }

    /// 404 for a participant that does not exist or that the principal may not see (the two look the same).
    static func noParticipant(_ id: String) -> Problem {
        Problem(.notFound, "No such participant", "There is no participant '\(id)' that you can see.")
    }

    /// 400 listing malformed fields.
    static func badRequest(_ errors: [(field: String, rule: String)]) -> Problem {
        let fields = errors.map { "'\($0.field)' \($0.rule)" }.joined(separator: "; ")
        return Problem(.badRequest, "Malformed request", "The request was refused; nothing was written: \(fields).",
                       errors: errors)
    }
}
