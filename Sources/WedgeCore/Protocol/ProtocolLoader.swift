// SPDX-License-Identifier: Apache-2.0

import Foundation
internal import TOMLKit

/// Reads and validates study protocol files (TOML).
///
/// Parsing goes through TOMLKit's strict decoder, so a misspelled key is an error and is never silently
/// ignored. Every problem is reported with the file, the line, the field and the value, and what is expected;
/// all problems are collected into one ``ProtocolError``.
///
/// ```swift
/// let proto = try ProtocolLoader.load(path: "Protocols/ctn-0097.toml")
/// ```
public enum ProtocolLoader {
    /// Reads and validates the protocol at `path`.
    /// - Parameter path: A file path, as the user gave it; errors quote it.
    /// - Returns: The validated protocol and the SHA-256 digest of the file's bytes.
    /// - Throws: ``ProtocolError``.
    public static func load(path: String) throws(ProtocolError) -> LoadedProtocol {
        let data: Data
        do {
            data = try InputFile.data(path, limit: InputFile.textLimit)
        } catch {
            throw ProtocolError(issues: [ProtocolIssue(
                file: path, line: nil, field: "(file)", value: nil, problem: error.problem,
                expected: "Give the path of a protocol .toml file; the shipped ones are in Protocols/.")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ProtocolError(issues: [ProtocolIssue(
                file: path, line: nil, field: "(file)", value: nil, problem: "is not UTF-8 text",
                expected: "Save the protocol as UTF-8.")])
        }
        let parsed = try parse(text, file: path)
        return LoadedProtocol(protocol: parsed, text: text, digest: Digest.sha256Hex(of: data))
    }

    /// Parses and validates protocol text.
    /// - Parameters:
    ///   - text: The TOML text.
    ///   - file: The name to quote in errors.
    /// - Throws: ``ProtocolError`` listing every problem found.
    public static func parse(_ text: String, file: String) throws(ProtocolError) -> StudyProtocol {
        let map = TOMLSourceMap(text: text)
        let raw = try TOMLFileDecoder.decode(ProtocolFile.self, from: text, file: file, map: map,
                                             knownKeys: ProtocolFile.knownKeys, guide: "docs/protocol-format.md")
        var v = ProtocolValidator(file: file, map: map)
        let study = v.study(raw.study)
        let conditions = v.conditions(raw.conditions)
        let sites = v.sites(raw.sites)
        let design = v.design(raw.design, conditions: conditions, siteCount: sites?.count)
        let calendar = v.calendar(raw.calendar, design: design)
        let transition = v.transition(raw.transition, periodWeeks: calendar?.periodWeeks)
        let notice = v.whole(raw.concealment?.noticeWeeks, "concealment.notice_weeks", in: 0...520,
                             "weeks of notice a site gets before its crossover", required: false) ?? 0
        let randomization = v.randomization(raw.randomization, sites: sites)
        let baseline = v.baseline(raw.baseline)
        let outcomes = v.outcomes(raw.outcomes)
        guard v.issues.isEmpty, let study, let conditions, let sites, let design, let calendar, let transition,
            let randomization, let baseline, let outcomes
        else {
            let sorted = v.issues.enumerated().sorted {
                ($0.element.line ?? Int.max, $0.offset) < ($1.element.line ?? Int.max, $1.offset)
            }
            throw ProtocolError(issues: sorted.map(\.element))
        }
        return StudyProtocol(
            study: study, conditions: conditions, sites: sites, calendar: calendar, design: design,
            transition: transition, noticeWeeks: notice, randomization: randomization, baseline: baseline,
            outcomes: outcomes)
    }

    static func pathString(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue, key.stringValue == String(index) || key.stringValue.hasPrefix("Index") {
                path += "[\(index)]"
            } else {
                path = TOMLSourceMap.join(path, key.stringValue)
            }
        }
        return path
    }

    static func unknownKeyIssues(
        _ error: UnexpectedKeysError, file: String, map: TOMLSourceMap,
        knownKeys: [String: [String]] = ProtocolFile.knownKeys
    ) -> [ProtocolIssue] {
        let issues = error.keys.map { key, codingPath -> ProtocolIssue in
            // TOMLKit's coding path may end with the unexpected key itself.
            let parent = codingPath.last?.stringValue == key ? Array(codingPath.dropLast()) : codingPath
            let table = pathString(parent)
            let path = TOMLSourceMap.join(table, key)
            let generic = table.replacingOccurrences(of: #"\[\d+\]"#, with: "", options: .regularExpression)
            let known = knownKeys[generic] ?? []
            let advice: String
            if let guess = Suggestion.closest(to: key, among: known) {
                advice = "Did you mean '\(guess)'?"
            } else if known.isEmpty {
                advice = "Remove it; see docs/protocol-format.md."
            } else {
                advice = "Known keys here: " + known.joined(separator: ", ") + "."
            }
            return ProtocolIssue(
                file: file, line: map.exactLine(for: path) ?? map.line(for: table), field: path, value: nil,
                problem: "is not a known key", expected: advice)
        }
        return issues.sorted { ($0.line ?? 0, $0.field) < ($1.line ?? 0, $1.field) }
    }

    static func decodingIssue(_ error: DecodingError, file: String, map: TOMLSourceMap, text: String) -> ProtocolIssue {
        let codingPath: [any CodingKey]
        let detail: String
        switch error {
        case .typeMismatch(let type, let context):
            codingPath = context.codingPath
            detail = "has the wrong type (expected \(describe(type)))"
        case .valueNotFound(let type, let context):
            codingPath = context.codingPath
            detail = "has no value (expected \(describe(type)))"
        case .keyNotFound(let key, let context):
            codingPath = context.codingPath + [key]
            detail = "has the wrong type or is missing"
        case .dataCorrupted(let context):
            codingPath = context.codingPath
            detail = "could not be read"
        @unknown default:
            codingPath = []
            detail = "could not be read"
        }
        let path = pathString(codingPath)
        let line = map.line(for: path)
        return ProtocolIssue(
            file: file, line: line, field: path.isEmpty ? "(document)" : path,
            value: line.flatMap { valueText(onLine: $0, of: text) }, problem: detail,
            expected: "See docs/protocol-format.md for this field's type.")
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a quoted string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Double.Type: return "a number"
        default: return "a value of type \(type)"
        }
    }

    /// The text after `=` on a line, without a trailing comment, for quoting in errors.
    static func valueText(onLine line: Int, of text: String) -> String? {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard line >= 1, line <= lines.count, let eq = lines[line - 1].firstIndex(of: "=") else { return nil }
        let after = lines[line - 1][lines[line - 1].index(after: eq)...]
        let value = after.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
        let trimmed = value.trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }
}
