// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

/// One dataset's entry of `Fixtures/datasets/reference.json`, written by `Fixtures/datasets/reference.R`
/// (the file's header documents every key), read by key path.
///
/// ```swift
/// let ref = try DatasetReferenceJSON.load("swift")
/// let logOR = try ref.number("glmm", "nagq1", "log_or")
/// ```
struct DatasetReferenceJSON: @unchecked Sendable {
    /// The dataset's object (`counts`, `glmm`, `gee`, `survival`).
    let object: [String: Any]
    /// The `generator` object: R and package versions, date, seconds per dataset.
    let generator: [String: Any]

    /// Parses `reference.json` and picks the dataset `name`.
    static func load(_ name: String) throws -> DatasetReferenceJSON {
        let url = try #require(
            Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Fixtures/datasets"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let datasets = try #require(root["datasets"] as? [String: Any])
        let object = try #require(datasets[name] as? [String: Any], "no dataset \(name) in reference.json")
        return DatasetReferenceJSON(object: object, generator: try #require(root["generator"] as? [String: Any]))
    }

    /// The value at a key path, or a test failure naming the path.
    func value(_ path: [String]) throws -> Any {
        var node: Any = object
        for key in path {
            let dictionary = try #require(
                node as? [String: Any], "\(path.joined(separator: ".")): not an object at \(key)")
            node = try #require(dictionary[key], "\(path.joined(separator: ".")): no key \(key)")
        }
        return node
    }

    /// A number; JSON `null` (R's NA, NaN or Inf) reads as NaN.
    func number(_ path: String...) throws -> Double {
        let node = try value(path)
        if node is NSNull { return .nan }
        return try #require(node as? NSNumber, "\(path.joined(separator: ".")) is not a number").doubleValue
    }

    /// An array of numbers, `null` as NaN.
    func numbers(_ path: String...) throws -> [Double] {
        let array = try #require(try value(path) as? [Any], "\(path.joined(separator: ".")) is not an array")
        return array.map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    /// A boolean.
    func bool(_ path: String...) throws -> Bool {
        let raw = try value(path)
        return try #require(raw as? Bool, "\(path.joined(separator: ".")) is not a boolean")
    }

    /// An array of strings (for example lme4's convergence messages).
    func strings(_ path: String...) throws -> [String] {
        try #require(try value(path) as? [String], "\(path.joined(separator: ".")) is not an array of strings")
    }
}
