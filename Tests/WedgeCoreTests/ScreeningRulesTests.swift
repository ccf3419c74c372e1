// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeTestSupport

/// The protocol's screening exclusion reasons, the screening rules without a database, and the screening file reader.
@Suite("Screening rules and files")
struct ScreeningRulesTests {
    static let ctn = try! ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml"))

    @Test("CTN-0097 lists its exclusion reasons; a protocol without the key gets the defaults; a bad list is refused")
    func reasons() throws {
        let ids = Self.ctn.protocol.outcomes.screeningExclusionReasons.map(\.id)
        #expect(ids == ["no-oud", "moud-or-declines-naltrexone", "medical", "pregnant", "legal-or-transfer", "other"])
        let classic = try ProtocolLoader.load(path: TestPaths.path("Protocols/classic-sw-6x7.toml"))
        #expect(!(try TestPaths.text("Protocols/classic-sw-6x7.toml")).contains("screening_exclusion_reasons"))
        #expect(classic.protocol.outcomes.screeningExclusionReasons == OutcomeDefinitions.defaultScreeningExclusionReasons)
        let text = try TestPaths.text("Protocols/ctn-0097.toml")
        let start = try #require(text.range(of: "screening_exclusion_reasons = ["))
        let end = try #require(text.range(of: "\n]\n", range: start.upperBound..<text.endIndex))
        for (list, problem) in [("screening_exclusion_reasons = []\n", "is empty"),
                                ("screening_exclusion_reasons = [{ id = \"a\" }, { id = \"a\" }]\n", "repeats an earlier reason")] {
            let broken = text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: list)
            let error = try #require(throws: ProtocolError.self) { try ProtocolLoader.parse(broken, file: "x.toml") }
            #expect(error.issues.contains { $0.field.hasPrefix("outcomes.screening_exclusion_reasons") && $0.problem == problem })
        }
    }

    @Test("Stamping uses the schedule's cell, as enrollment does, and reports every broken rule at once")
    func stamping() throws {
        let schedule = Randomizer.randomize(Self.ctn.protocol, seed: "swift-129")
        let rules = ScreeningRules(schedule: schedule, today: CivilDate(iso: "2023-01-01")!)
        let date = CivilDate(iso: "2021-11-02")!
        let record = try rules.stamp(ScreeningEntry(id: "s", siteID: "unit-c", screeningDate: date, isEligible: true,
                                                    consented: false)).get()
        let participant = try ParticipantRules(schedule: schedule, today: CivilDate(iso: "2023-01-01")!)
            .enroll(ParticipantRecord(id: "p", siteID: "unit-c", admissionDate: date)).get()
        #expect(record.conditionID == participant.conditionID && record.period == participant.period)
        let broken = ScreeningEntry(id: "s", siteID: "unit-c", screeningDate: CivilDate(iso: "2020-01-01")!, isEligible: false,
                                    ineligibleReason: nil, consented: true, participantID: "p")
        guard case .failure(let error) = rules.stamp(broken) else { Issue.record("accepted"); return }
        #expect(error.issues.map(\.field) == ["screening_date", "ineligible_reason", "consented", "participant_id"])
        #expect(error.issues.allSatisfy { $0.description.hasPrefix("screening s: field '") })
    }

    @Test("The reader checks form and names file, line, screening and field, and a value only by its shape")
    func reader() throws {
        let dir = try TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("log.csv").path
        try """
            site_id,screening_id,eligible,screening_date,consented
            unit-a,s1,yes,2021-04-01,no
            unit-a,s2,perhaps,01/04/2021,
            unit-a,,no,2021-04-01,
            unit-a,s4,yes
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let rows = try ScreeningFileReader(path: path, file: "log.csv").readAll()
        #expect(rows.map(\.line) == [2, 3, 4, 5])
        #expect(try rows[0].row.get() == ScreeningEntry(id: "s1", siteID: "unit-a", screeningDate: CivilDate(iso: "2021-04-01")!,
                                                        isEligible: true, consented: false))
        guard case .failure(let bad) = rows[1].row else { Issue.record("accepted"); return }
        #expect(bad.issues.map(\.field) == ["screening_date", "eligible"])
        #expect(bad.issues[0].description == "log.csv:3: screening s2: field 'screening_date' (value of the form \"99/99/9999\") is not a date. Write dates as YYYY-MM-DD.")
        #expect(!bad.errorDescription!.contains("01/04/2021"))
        guard case .failure(let empty) = rows[2].row, case .failure(let short) = rows[3].row else { Issue.record("accepted"); return }
        #expect(empty.issues.map(\.field) == ["screening_id"] && short.issues.map(\.field) == ["(row)"])
        try "screening_id,site,screening_date,eligible\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DataFileError.self) { _ = try ScreeningFileReader(path: path).readAll() }
    }
}
