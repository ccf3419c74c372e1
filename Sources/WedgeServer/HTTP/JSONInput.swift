// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore

/// A JSON request body read field by field, collecting every problem (field and rule, never the value) so that
/// one 400 lists them all. Unknown fields are refused: a typo must not be silently ignored.
struct JSONInput {
    private let object: [String: JSONValue]
    private(set) var errors: [(field: String, rule: String)] = []

    /// Reads `body` as a JSON object with only the `allowed` keys (an empty body is `{}` when none are allowed).
    static func parse(_ body: Data, allowed: Set<String>) throws -> JSONInput {
        if body.isEmpty, allowed.isEmpty { return JSONInput(object: [:]) }
        guard case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            throw Problem.badRequest([("(body)", "must be a JSON object")])
        }
        var input = JSONInput(object: Dictionary(members) { first, _ in first })
        for (key, _) in members where !allowed.contains(key) {
            input.errors.append((key, "is not a field of this request"))
        }
        return input
    }

    /// Adds a problem.
    mutating func reject(_ field: String, _ rule: String) { errors.append((field, rule)) }

    /// Throws the 400 listing every problem, if there is any.
    func finish() throws {
        if !errors.isEmpty { throw Problem.badRequest(errors) }
    }

    /// The member `key`: `nil` when absent (an error when `required`), `.null` when null.
    private mutating func value(_ key: String, required: Bool) -> JSONValue? {
        guard let value = object[key] else {
            if required { errors.append((key, "is required")) }
            return nil
        }
        return value
    }

    /// A string of `minLength...maxLength` characters; `nil` when absent or null (null is an error unless
    /// `nullable`).
    mutating func string(_ key: String, required: Bool = true, minLength: Int = 1, maxLength: Int = 64,
                         nullable: Bool = false) -> String? {
        switch value(key, required: required) {
        case nil:
            return nil
        case .null?:
            if !nullable { errors.append((key, "must not be null")) }
            return nil
        case .string(let text)?:
            guard (minLength...maxLength).contains(text.count) else {
                errors.append((key, "must have \(minLength) to \(maxLength) characters"))
                return nil
            }
            return text
        default:
            errors.append((key, "must be a string"))
            return nil
        }
    }

    /// A date `YYYY-MM-DD`.
    mutating func date(_ key: String, required: Bool = true) -> String? {
        guard let text = string(key, required: required, maxLength: 10) else { return nil }
        guard CivilDate(iso: text) != nil else {
            errors.append((key, "must be a date written YYYY-MM-DD"))
            return nil
        }
        return text
    }

    /// A boolean.
    mutating func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let present = value(key, required: required) else { return nil }
        guard case .bool(let flag) = present else {
            errors.append((key, "must be true or false"))
            return nil
        }
        return flag
    }

    /// An integer in `range`.
    mutating func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let present = value(key, required: required) else { return nil }
        guard case .int(let number) = present, range.contains(number) else {
            errors.append((key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
            return nil
        }
        return number
    }

    /// An object whose values are strings of at most `maxLength` characters, with at most `maxCount` members.
    mutating func stringMap(_ key: String, maxCount: Int = 32, maxLength: Int = 64) -> [String: String] {
        guard let present = value(key, required: false), present != .null else { return [:] }
        guard case .object(let members) = present, members.count <= maxCount else {
            errors.append((key, "must be an object of at most \(maxCount) strings"))
            return [:]
        }
        var result: [String: String] = [:]
        for (name, member) in members {
            guard case .string(let text) = member, text.count <= maxLength else {
                errors.append(("\(key).\(name)", "must be a string of at most \(maxLength) characters"))
                continue
            }
            result[name] = text
        }
        return result
    }
}
