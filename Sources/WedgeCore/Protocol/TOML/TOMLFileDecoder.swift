// SPDX-License-Identifier: Apache-2.0

internal import TOMLKit

/// Strict decoding of a TOML file (a protocol, a simulation parameters file) into its DTO, with every failure
/// turned into a ``ProtocolError`` that names the file, the line and the field.
///
/// The text is checked by ``TOMLSourceMap`` first: input that would abort toml++ (see
/// ``TOMLSourceMap/syntaxProblem``) is refused as a syntax error before TOMLKit sees it.
enum TOMLFileDecoder {
    /// Decodes `text`, whose source map is `map`, into `type`.
    /// - Parameters:
    ///   - file: The name to quote in errors.
    ///   - knownKeys: The keys of each table, for suggestions when a key is unknown.
    ///   - guide: The document that describes the format, for errors with no better advice.
    static func decode<T: Decodable>(
        _ type: T.Type, from text: String, file: String, map: TOMLSourceMap, knownKeys: [String: [String]],
        guide: String
    ) throws(ProtocolError) -> T {
        if let syntax = map.syntaxProblem {
            throw ProtocolError(issues: [ProtocolIssue(
                file: file, line: syntax.line, field: "(syntax)", value: nil,
                problem: "is not valid TOML: \(syntax.problem)", expected: "Fix the syntax at column \(syntax.column).")])
        }
        do {
            return try TOMLDecoder(strictDecoding: true).decode(type, from: text)
        } catch let error as TOMLParseError {
            throw ProtocolError(issues: [ProtocolIssue(
                file: file, line: error.source.begin.line, field: "(syntax)", value: nil,
                problem: "is not valid TOML: \(error.description)",
                expected: "Fix the syntax at column \(error.source.begin.column).")])
        } catch let error as UnexpectedKeysError {
            throw ProtocolError(issues: ProtocolLoader.unknownKeyIssues(error, file: file, map: map, knownKeys: knownKeys))
        } catch let error as DecodingError {
            throw ProtocolError(issues: [ProtocolLoader.decodingIssue(error, file: file, map: map, text: text)])
        } catch {
            throw ProtocolError(issues: [ProtocolIssue(
                file: file, line: nil, field: "(file)", value: nil, problem: "could not be decoded: \(error)",
                expected: "Check the file against \(guide).")])
        }
    }
}
