// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HTTPTypes

/// A handler's answer before it becomes a `Response`: plain values, so that an idempotent write can store it and
/// send the same bytes again (``Idempotency``).
struct APIResult: Sendable {
    var status: Int
    var contentType: String
    var body: String
    /// `ETag` and `Location`, when set.
    var etag: String?
    var location: String?
    /// Whether the write's own transaction already stored this answer for its `Idempotency-Key`
    /// (``Idempotency/Claim/answer(_:)``).
    var answerStored = false

    /// A JSON answer.
    init(json object: Any, status: HTTPResponse.Status = .ok, etag: String? = nil, location: String? = nil) {
        self.status = status.code
        contentType = "application/json"
        body = String(decoding: JSONResponse.data(object), as: UTF8.self)
        self.etag = etag
        self.location = location
    }

    /// A text answer.
    init(text: String, contentType: String) {
        status = 200
        self.contentType = contentType
        body = text
    }

    /// The answer of a refused request.
    init(problem: Problem) {
        status = problem.status.code
        contentType = "application/problem+json"
        body = String(decoding: JSONResponse.data(problem.document), as: UTF8.self)
    }

    /// The response.
    func response(replayed: Bool = false) -> Response {
        var headers: HTTPFields = [:]
        if let etag { headers[.eTag] = etag }
        if let location { headers[.location] = location }
        if replayed { headers[.idempotentReplayed] = "true" }
        return JSONResponse.text(body, status: HTTPResponse.Status(code: status), contentType: contentType,
                                 headers: headers)
    }

    /// The stored form, for replays.
    var stored: String {
        String(decoding: JSONResponse.data([
            "status": status, "content_type": contentType, "body": body, "etag": (etag as Any?) ?? NSNull(),
            "location": (location as Any?) ?? NSNull(),
        ]), as: UTF8.self)
    }

    /// An answer from its stored form.
    init?(stored: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any],
              let status = object["status"] as? Int, let type = object["content_type"] as? String,
              let body = object["body"] as? String else { return nil }
        self.status = status
        contentType = type
        self.body = body
        etag = object["etag"] as? String
        location = object["location"] as? String
    }
}
