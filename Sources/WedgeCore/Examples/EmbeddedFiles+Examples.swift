// SPDX-License-Identifier: Apache-2.0

import Foundation

extension EmbeddedFiles {
    /// The names of the example protocols (`ctn-0097`, `classic-sw-6x7`, …), sorted.
    public static var exampleNames: [String] {
        byPath.keys.filter { $0.hasPrefix("Protocols/") }
            .map { String($0.dropFirst("Protocols/".count).dropLast(".toml".count)) }.sorted()
    }

    /// The path, relative to the package root, that example `name`'s text was embedded from.
    public static func examplePath(_ name: String) -> String { "Protocols/\(name).toml" }

    /// The example protocol `name`, parsed and validated; errors quote it as `Protocols/NAME.toml`.
    /// - Throws: ``ProtocolError`` when there is no such example.
    public static func loadExample(_ name: String) throws(ProtocolError) -> LoadedProtocol {
        let path = examplePath(name)
        guard let text = byPath[path] else {
            throw ProtocolError(issues: [ProtocolIssue(
                file: name, line: nil, field: "(example)", value: nil, problem: "is not a built-in example",
                expected: "Use one of: " + exampleNames.joined(separator: ", ") + ".")])
        }
        let parsed = try ProtocolLoader.parse(text, file: path)
        return LoadedProtocol(protocol: parsed, text: text, digest: Digest.sha256Hex(of: Data(text.utf8)))
    }
}
