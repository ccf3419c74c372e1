// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeTestSupport

/// Reading outcome-event files: the header, and each row's form.
@Suite("Outcome-event files")
struct OutcomeEventFileTests {
    /// The rows of `text`, read from a temporary file.
    private func read(_ text: String) throws -> [OutcomeEventRow] {
        let dir = try TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("events.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var rows: [OutcomeEventRow] = []
        try OutcomeEventFileReader(path: path, file: "events.csv").read { rows.append($0) }
        return rows
    }

    @Test("each event fills its fields; the columns may come in any order and value may be left out")
    func wellFormed() throws {
        let rows = try read("""
            event,participant_id,value,date
            induction_start,P1,rapid,2021-04-02
            first_injection,P1,,2021-04-08
            "not_initiated",P2,declined-injection,
            dropout,P2,, 2021-05-01\u{20}
            """)
        let events = try rows.map { try $0.result.get() }
        #expect(rows.map(\.line) == [2, 3, 4, 5])
        #expect(events[0] == OutcomeEvent(participantID: "P1", kind: .inductionStart,
                                          values: [.inductionStartDate: "2021-04-02", .procedureReceived: "rapid"]))
        #expect(events[1].values == [.firstInjectionDate: "2021-04-08"])
        #expect(events[2].values == [.notInitiatedReason: "declined-injection"])
        #expect(events[3].values == [.dropoutDate: "2021-05-01"])
        let noValue = try read("participant_id,event,date\nP1,discharge,2021-04-10\n")
        #expect(try noValue[0].result.get().values == [.dischargeDate: "2021-04-10"])
    }

    @Test("a malformed row is refused with its line and field, showing values only by shape", arguments: [
        ("P1,frist_injection,2021-04-08,", "event", "is not a known event"),
        ("P1,,2021-04-08,", "event", "is empty"),
        (",first_injection,2021-04-08,", "participant_id", "is empty"),
        ("P1,first_injection,,", "date", "is empty"),
        ("P1,first_injection,08/04/2021,", "date", "is not a date"),
        ("P1,not_initiated,2021-04-08,declined-injection", "date", "has no date"),
        ("P1,not_initiated,,", "value", "is empty"),
        ("P1,procedure,,", "value", "is empty"),
        ("P1,discharge,2021-04-08,home", "value", "takes none"),
        ("P1,discharge,2021-04-08", "(row)", "has 3 fields"),
    ])
    func refused(row: String, field: String, problem: String) throws {
        let rows = try read("participant_id,event,date,value\n" + row + "\n")
        guard case .failure(let error) = rows[0].result else {
            Issue.record("accepted \(row)")
            return
        }
        let issue = try #require(error.issues.first { $0.field == field }, "\(error.issues)")
        #expect(issue.problem.contains(problem) && issue.line == 2 && issue.file == "events.csv")
        #expect(!(error.errorDescription ?? "").contains("08/04/2021") && !(error.errorDescription ?? "").contains("home"))
        if field == "event", problem == "is not a known event" { #expect(issue.expected == "Did you mean 'first_injection'?") }
    }

    @Test("a bad header refuses the file: unknown, repeated and missing columns")
    func header() throws {
        let error = try #require(throws: DataFileError.self) {
            _ = try read("participant_id,evnt,date,date\nP1,discharge,2021-04-08,2021-04-08\n")
        }
        let problems = Set(error.issues.map { "\($0.field): \($0.problem)" })
        #expect(problems == ["evnt: is not a known column", "date: appears twice in the header", "event: is missing from the header"])
        #expect(error.issues.allSatisfy { $0.line == 1 })
        #expect(throws: DataFileError.self) { _ = try read("") }
    }

    @Test("an event file is told from a participant file by its event column")
    func detection() throws {
        #expect(OutcomeEventFileReader.isEventHeader(["participant_id", " event ", "date"]))
        let proto = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml")).protocol
        #expect(!OutcomeEventFileReader.isEventHeader(ParticipantCSVFormat(protocol: proto).header))
    }
}
