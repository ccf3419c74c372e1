// SPDX-License-Identifier: Apache-2.0

/// Turns a decoded ``ProtocolFile`` into a ``StudyProtocol``, collecting every problem with its line.
struct ProtocolValidator {
    let file: String
    let map: TOMLSourceMap
    private(set) var issues: [ProtocolIssue] = []

    init(file: String, map: TOMLSourceMap) {
        self.file = file
        self.map = map
    }

    mutating func report(_ path: String, _ value: String?, _ problem: String, _ expected: String) {
        issues.append(
            ProtocolIssue(
                file: file, line: map.line(for: path), field: path, value: value, problem: problem,
                expected: expected))
    }

    mutating func require<T>(_ value: T?, _ path: String, _ expected: String) -> T? {
        if value == nil { report(path, nil, "is missing", expected) }
        return value
    }

    /// A required, non-empty identifier: letters, digits, `.`, `_` and `-`, starting with a letter or digit.
    mutating func identifier(_ value: String?, _ path: String) -> String? {
        let expected = "Give an identifier of letters, digits, '.', '_' or '-', such as \"site-a\"."
        guard let value = require(value, path, expected) else { return nil }
        guard Self.isIdentifier(value) else {
            report(path, quoted(value), "is not a valid identifier", expected)
            return nil
        }
        return value
    }

    mutating func text(_ value: String?, _ path: String, _ what: String) -> String? {
        guard let value = require(value, path, "Give \(what) as a quoted string.") else { return nil }
        if value.trimmingSpaces().isEmpty {
            report(path, quoted(value), "is empty", "Give \(what) as a non-empty string.")
            return nil
        }
        return value
    }

    /// A whole number within `range`, or `nil` (reported) when absent and required, or invalid.
    mutating func whole(
        _ value: TOMLNumber?, _ path: String, in range: ClosedRange<Int>, _ meaning: String, required: Bool = true
    ) -> Int? {
        let expected = "Expected \(meaning): a whole number from \(range.lowerBound)"
            + (range.upperBound == Int.max ? " up" : " to \(range.upperBound)") + "."
        guard let value else {
            if required { report(path, nil, "is missing", expected) }
            return nil
        }
        guard let whole = value.wholeNumber, range.contains(whole) else {
            let problem = value.wholeNumber == nil ? "is not a whole number" : "is out of range"
            report(path, value.text, problem, expected)
            return nil
        }
        return whole
    }

    mutating func window(_ values: [TOMLNumber]?, _ path: String) -> ClosedRange<Int>? {
        let expected = "Give the window as [first, last] days, such as [21, 42], with 0 ≤ first ≤ last."
        guard let values = require(values, path, expected) else { return nil }
        let shown = "[" + values.map(\.text).joined(separator: ", ") + "]"
        guard values.count == 2, let lo = values[0].wholeNumber, let hi = values[1].wholeNumber, lo >= 0, lo <= hi
        else {
            report(path, shown, "is not a valid window", expected)
            return nil
        }
        return lo...hi
    }

    func quoted(_ s: String) -> String { "\"" + s + "\"" }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return false }
        return s.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._-".unicodeScalars.contains($0)
        }
    }
}
