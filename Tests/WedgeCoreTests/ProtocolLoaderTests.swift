// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeTestSupport

@Suite("Protocol files")
struct ProtocolLoaderTests {
    static let shipped = ["ctn-0097", "classic-sw-6x7", "general-sw-12x7"]

    @Test("Every shipped protocol parses", arguments: shipped)
    func shippedProtocolParses(name: String) throws {
        let loaded = try ProtocolLoader.load(path: TestPaths.path("Protocols/\(name).toml"))
        #expect(loaded.protocol.study.id == name)
        #expect(loaded.protocol.design.slotCount == loaded.protocol.sites.count)
        #expect(loaded.digest.count == 64)
    }

    @Test("ctn-0097 is the SWIFT bookend design")
    func swiftDesign() throws {
        let p = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml")).protocol
        #expect(p.sites.count == 6)
        #expect(p.calendar.periodCount == 5 && p.calendar.periodWeeks == 14)
        #expect(p.calendar.startDate.iso == "2021-03-16")
        #expect(p.calendar.endDate.iso == "2022-07-18")  // the published last day of recruitment
        let codes = p.design.sequences.map { String($0.conditions.map { $0 == "rapid" ? "R" : "S" }) }
        #expect(codes == ["RRRRR", "SRRRR", "SSRRR", "SSSRR", "SSSSR", "SSSSS"])
        #expect(p.control.id == "standard")
        #expect(p.outcomes.secondInjectionWindow == 21...42)
    }

    @Test("The classic and general designs are generated with the right shape")
    func generatedDesigns() throws {
        let classic = try ProtocolLoader.load(path: TestPaths.path("Protocols/classic-sw-6x7.toml")).protocol
        #expect(classic.design.sequences.count == 6 && classic.design.periodCount == 7)
        #expect(classic.design.sequences.map { $0.firstPeriod(notRunning: "standard") } == [1, 2, 3, 4, 5, 6])
        let general = try ProtocolLoader.load(path: TestPaths.path("Protocols/general-sw-12x7.toml")).protocol
        #expect(general.design.sequences.allSatisfy { $0.multiplicity == 2 })
        #expect(general.transition == TransitionRule(weeks: 2, includeInPrimary: false))
        #expect(general.randomization.method == .constrained)
    }

    static var brokenFiles: [String] {
        let folder = Bundle.module.url(forResource: "broken", withExtension: nil, subdirectory: "Fixtures")!
        return (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".toml") }
            .sorted() ?? []
    }

    /// Each broken file's first line says what the error must be: `# expect: line=N field=F problem=TEXT`.
    @Test("Each broken protocol gets its own clear error", arguments: brokenFiles)
    func brokenProtocol(file: String) throws {
        let url = Bundle.module.url(forResource: "broken/" + file, withExtension: nil, subdirectory: "Fixtures")!
        let text = try String(contentsOf: url, encoding: .utf8)
        let header = try #require(text.split(separator: "\n").first.map(String.init))
        let line = try #require(header.firstMatch(of: /line=(\d+)/).map { Int($0.1)! })
        let field = try #require(header.firstMatch(of: /field=(\S+)/).map { String($0.1) })
        let problem = try #require(header.firstMatch(of: /problem=(.+)$/).map { String($0.1) })
        let error = try #require(throws: ProtocolError.self) { try ProtocolLoader.parse(text, file: file) }
        let issue = try #require(error.issues.first { $0.field == field }, "no issue for \(field): \(error.issues)")
        #expect(issue.line == line)
        #expect(issue.problem.contains(problem))
        #expect(issue.file == file)
        #expect(!issue.expected.isEmpty)
        let description = try #require(error.errorDescription)
        #expect(description.contains("\(file):\(line): field '\(field)'"))
    }

    @Test("Query delays outside 1–365 days are refused with their line")
    func queryDelays() throws {
        let text = try TestPaths.text("Protocols/ctn-0097.toml").replacingOccurrences(
            of: "retention_follow_up_days = 60", with: "retention_follow_up_days = 60\ninpatient_stay_query_days = 0")
        let error = try #require(throws: ProtocolError.self) { try ProtocolLoader.parse(text, file: "x.toml") }
        let issue = try #require(error.issues.first)
        #expect(issue.field == "outcomes.inpatient_stay_query_days" && issue.problem == "is out of range")
        #expect(issue.line != nil)
    }

    @Test("A misspelled key gets a suggestion")
    func suggestion() throws {
        let text = try TestPaths.text("Protocols/ctn-0097.toml").replacingOccurrences(of: "notice_weeks", with: "notice_wekes")
        let error = try #require(throws: ProtocolError.self) { try ProtocolLoader.parse(text, file: "x.toml") }
        #expect(error.issues.map(\.expected) == ["Did you mean 'notice_weeks'?"])
    }

    @Test("All problems are reported at once, in line order")
    func collectsEveryProblem() throws {
        let text = try TestPaths.text("Protocols/ctn-0097.toml")
            .replacingOccurrences(of: "period_weeks = 14 ", with: "period_weeks = 0 ")
            .replacingOccurrences(of: "id = \"unit-c\"", with: "id = \"unit-b\"")
        let error = try #require(throws: ProtocolError.self) { try ProtocolLoader.parse(text, file: "x.toml") }
        #expect(Set(error.issues.map(\.field)) == ["sites[2].id", "calendar.period_weeks"])
        let lines = error.issues.compactMap(\.line)
        #expect(lines == lines.sorted())
    }

    @Test("A missing file says so and names it")
    func missingFile() {
        #expect {
            try ProtocolLoader.load(path: "/nonexistent/protocol.toml")
        } throws: { error in
            (error as? ProtocolError)?.issues.first?.problem == "does not exist"
                && (error as? ProtocolError)?.issues.first?.file == "/nonexistent/protocol.toml"
        }
    }
}
