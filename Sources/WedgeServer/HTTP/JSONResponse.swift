// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import WedgeCore
import HTTPTypes

/// JSON responses: keys sorted by their bytes, so that the same data always give the same bytes.
///
/// Written with WedgeCore's ``WedgeCore/JSONValue`` rather than `JSONSerialization`, whose sorted keys compare
/// strings through ICU collation: under load that sort was a fifth of the server's time.
enum JSONResponse {
    /// Serializes `object` (dictionaries, arrays, strings, integers, booleans, `NSNull`, `JSONValue`).
    static func data(_ object: Any) -> Data { Data(value(object).serialized().utf8) }

    /// `object` as a ``WedgeCore/JSONValue``.
    static func value(_ object: Any) -> JSONValue {
        switch object {
        case let value as JSONValue: return value
        case is NSNull: return .null
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .int(number)
        case let number as Int64: return .int(Int(number))
        case let number as Double: return .double(number)
        case let text as String: return .string(text)
        case let items as [Any]: return .array(items.map(value))
        case let members as [String: Any]:
            return .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, value($0.value)) })
        default: return .string("\(object)")
        }
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
