// SPDX-License-Identifier: Apache-2.0

import Foundation
public import Hummingbird
public import HTTPTypes

/// JSON responses: keys sorted, so that the same data always give the same bytes.
enum JSONResponse {
    /// Serializes `object` (dictionaries, arrays, strings, numbers, booleans, `NSNull`).
    static func data(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }

    /// A response carrying `object`.
    static func make(
        _ object: Any, status: HTTPResponse.Status = .ok, contentType: String = "application/json",
        headers: HTTPFields = [:]
    ) -> Response {
        text(String(decoding: data(object), as: UTF8.self), status: status, contentType: contentType, headers: headers)
    }

    /// A response carrying `text`.
    static func text(
        _ text: String, status: HTTPResponse.Status = .ok, contentType: String, headers: HTTPFields = [:]
    ) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
