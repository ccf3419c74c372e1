// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeTestSupport

@Suite("Protocol: [outcomes] primary_model")
struct ProtocolPrimaryModelTests {
    static func text(_ line: String) throws -> String {
        try TestPaths.text("Protocols/ctn-0097.toml").replacingOccurrences(
            of: "retention_follow_up_days = 60", with: "retention_follow_up_days = 60\n\(line)")
    }

    @Test("Absent means the default; a known model is kept")
    func known() throws {
        let plain = try ProtocolLoader.parse(try TestPaths.text("Protocols/ctn-0097.toml"), file: "p.toml")
        #expect(plain.outcomes.primaryModel == nil)
        for model in OutcomeDefinitions.primaryModels {
            let loaded = try ProtocolLoader.parse(try Self.text("primary_model = \"\(model)\""), file: "p.toml")
            #expect(loaded.outcomes.primaryModel == model)
        }
    }

    @Test("An unknown model is refused with its line and the choices")
    func unknown() throws {
        let error = try #require(throws: ProtocolError.self) {
            try ProtocolLoader.parse(try Self.text("primary_model = \"nestd\""), file: "p.toml")
        }
        let issue = try #require(error.issues.first)
        #expect(issue.field == "outcomes.primary_model" && issue.line != nil)
        #expect(issue.expected.contains("\"nested\""))
    }
}
