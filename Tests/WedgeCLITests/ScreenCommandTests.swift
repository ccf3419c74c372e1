// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeTestSupport

/// `wedge screen` end to end: the built binary, its output and exit codes; and the sample screening log.
@Suite("wedge screen")
struct ScreenCommandTests {
    @Test("add, list, link, correct, delete; refusals exit 1 naming the field; bad options exit 64")
    func workflow() throws {
        let (_, db) = try RecorderSupport.study()
        let excluded = try CommandResult.wedge(["screen", "add", "--db", db, "scr-1", "--site", "unit-a", "--date", "2021-04-01",
                                                "--eligible", "no", "--reason", "pregnant", "--as", "coord"])
        #expect(excluded.status == 0, "\(excluded.stderr)")
        #expect(excluded.stdout.contains("Screened scr-1 at unit-a on 2021-04-01: condition in effect ")
                && excluded.stdout.contains("period 1 of 5; not eligible (pregnant)."))
        let eligible = try CommandResult.wedge(["screen", "add", "--db", db, "scr-2", "--site", "unit-a", "--date", "2021-04-02",
                                                "--eligible", "yes", "--consented", "yes"])
        #expect(eligible.status == 0 && eligible.stdout.contains("eligible, consented."), "\(eligible.stderr)")
        let badReason = try CommandResult.wedge(["screen", "add", "--db", db, "scr-3", "--site", "unit-a", "--date", "2021-04-02",
                                                 "--eligible", "no", "--reason", "bored"])
        #expect(badReason.status == 1)
        #expect(badReason.stderr.contains("screening scr-3: field 'ineligible_reason' is not a screening exclusion reason"))
        let noConsent = try CommandResult.wedge(["screen", "add", "--db", db, "scr-3", "--site", "unit-a", "--date", "2021-04-02",
                                                 "--eligible", "yes"])
        #expect(noConsent.status == 1 && noConsent.stderr.contains("field 'consented' is empty although the person is eligible"))
        let badDate = try CommandResult.wedge(["screen", "add", "--db", db, "scr-3", "--site", "unit-a", "--date", "02/04/2021",
                                               "--eligible", "yes", "--consented", "no"])
        #expect(badDate.status == 1 && badDate.stderr.contains("99/99/9999") && !badDate.stderr.contains("02/04/2021"))
        #expect(try CommandResult.wedge(["screen", "add", "--db", db, "scr-3", "--site", "unit-a", "--date", "2021-04-02",
                                         "--eligible", "maybe"]).status == 64)
        #expect(try CommandResult.wedge(["screen", "add", "--db", db, "scr-3", "--site", "unit-a"]).status == 64)

        let csv = try CommandResult.wedge(["screen", "list", "--db", db, "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 3 && lines[0] == "screening_id,site_id,screening_date,eligible,ineligible_reason,consented,condition_id,period,participant_id")
        #expect(lines[1].hasPrefix("scr-1,unit-a,2021-04-01,no,pregnant,,") && lines[1].hasSuffix(",1,"))
        let text = try CommandResult.wedge(["screen", "list", "--db", db, "--site", "unit-b"])
        #expect(text.status == 0 && text.stdout == "No screenings recorded at unit-b.\n")
        #expect(try CommandResult.wedge(["screen", "list", "--db", db, "--site", "unit-z"]).status == 64)

        #expect(try CommandResult.wedge(["enroll", "--db", db, "P1", "--site", "unit-a", "--admitted", "2021-04-02",
                                         "--baseline", "age=34", "--baseline", "sex=female"]).status == 0)
        #expect(try CommandResult.wedge(["enroll", "--db", db, "P2", "--site", "unit-b", "--admitted", "2021-04-02",
                                         "--baseline", "age=34", "--baseline", "sex=female"]).status == 0)
        let notEligible = try CommandResult.wedge(["screen", "link", "--db", db, "scr-1", "P1"])
        #expect(notEligible.status == 1 && notEligible.stderr.contains("not eligible and consented"))
        let otherSite = try CommandResult.wedge(["screen", "link", "--db", db, "scr-2", "P2"])
        #expect(otherSite.status == 1 && otherSite.stderr.contains("another site"))
        let link = try CommandResult.wedge(["screen", "link", "--db", db, "scr-2", "P1"])
        #expect(link.status == 0 && link.stdout == "Linked screening scr-2 to participant P1.\n", "\(link.stderr)")
        #expect(try CommandResult.wedge(["screen", "link", "--db", db, "scr-2", "P1"]).status == 1)

        let correct = try CommandResult.wedge(["screen", "correct", "--db", db, "scr-1", "ineligible_reason=medical",
                                               "--reason", "form checked"])
        #expect(correct.status == 0 && correct.stdout.contains("not eligible (medical)"), "\(correct.stderr)")
        #expect(try CommandResult.wedge(["screen", "correct", "--db", db, "scr-1", "colour=red", "--reason", "x"]).status == 64)
        #expect(try CommandResult.wedge(["screen", "correct", "--db", db, "scr-1", "eligible=yes"]).status == 64)
        #expect(try CommandResult.wedge(["screen", "correct", "--db", db, "scr-9", "eligible=yes", "--reason", "x"]).status == 1)
        #expect(try CommandResult.wedge(["screen", "delete", "--db", db, "scr-1", "--reason", "entered twice"]).status == 0)
        #expect(try CommandResult.wedge(["screen", "delete", "--db", db, "scr-1", "--reason", "again"]).status == 1)
        let after = try CommandResult.wedge(["screen", "list", "--db", db])
        #expect(after.stdout.contains("scr-2") && !after.stdout.contains("scr-1") && after.stdout.hasSuffix("1 screening(s).\n"))
        let log = try CommandResult.wedge(["audit", "log", "--db", db])
        #expect(log.stdout.contains("ineligible_reason: pregnant → medical (reason: form checked)"), "\(log.stdout)")
        #expect(try CommandResult.wedge(["audit", "verify", "--db", db]).status == 0)
    }

    @Test("import: a bad row halfway writes nothing and names file, line and field; --skip-invalid keeps the rest")
    func importLog() throws {
        let (dir, db) = try RecorderSupport.study()
        var rows = ["screening_id,site_id,screening_date,eligible,ineligible_reason,consented"]
        for i in 1...40 {
            rows.append("s\(i),unit-\(["a", "b", "c"][i % 3]),2021-05-\(10 + i % 15),\(i % 2 == 0 ? "yes,,no" : "no,no-oud,")")
        }
        rows[20] = "s20,unit-a,2021-05-20,no,,"  // line 21: a reason is required
        let file = dir.appendingPathComponent("log.csv").path
        try (rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try CommandResult.wedge(["screen", "import", "--db", db, file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("log.csv:21: screening s20: field 'ineligible_reason' is empty although the person is not eligible"),
                "\(refused.stderr)")
        #expect(try CommandResult.wedge(["screen", "list", "--db", db]).stdout == "No screenings recorded.\n")
        let rejects = dir.appendingPathComponent("rejects.csv").path
        let partial = try CommandResult.wedge(["screen", "import", "--db", db, file, "--skip-invalid", rejects])
        #expect(partial.status == 0 && partial.stdout.contains("Imported 39 screening(s)"), "\(partial.stderr)")
        let rejected = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
        #expect(rejected.count == 2 && rejected[1].hasPrefix("21,ineligible_reason,"))
        #expect(try CommandResult.wedge(["screen", "list", "--db", db, "--format", "csv"]).stdout.split(separator: "\n").count == 40)
        let header = try CommandResult.wedge(["screen", "import", "--db", db, TestPaths.path("SampleData/ctn-0097-participants.csv")])
        #expect(header.status == 1 && header.stderr.contains("screening_id"))
    }

    @Test("The sample screening log is what the seed makes of the sample participants, and links each of them once")
    func sampleLog() throws {
        let loaded = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml"))
        let schedule = Randomizer.randomize(loaded.protocol, seed: "swift-129")
        let lock = CivilDate(iso: "2026-01-01")!
        let participants = try ParticipantImport.validate(try TestPaths.text("SampleData/ctn-0097-participants.csv"),
                                                          file: "sample.csv", schedule: schedule, today: lock)
            .map(\.enrollment.record)
        let log = ScreeningLogSimulator(protocol: loaded.protocol, seed: "swift-129").run(participants: participants.reversed())
        #expect(ScreeningLogSimulator.csv(log) == (try TestPaths.text("SampleData/ctn-0097-screening.csv")))
        let linked = log.compactMap(\.participantID)
        #expect(linked.sorted() == participants.map(\.id).sorted())
        let rules = ScreeningRules(schedule: schedule, today: lock)
        for entry in log { #expect((try? rules.stamp(entry).get()) != nil, "\(entry.id)") }
        for site in loaded.protocol.sites {
            let here = log.filter { $0.siteID == site.id }
            #expect(here.contains { !$0.isEligible } && here.contains { $0.isEligible && $0.consented == false })
        }
        let enrolled = Dictionary(participants.map { ($0.id, $0) }) { a, _ in a }
        for entry in log where entry.participantID != nil {
            #expect(enrolled[entry.participantID!]?.siteID == entry.siteID)
        }
    }

    @Test("The demo imports the sample screening log and its CONSORT starts at assessed for eligibility")
    func demo() throws {
        let demo = try CommandResult.wedge(["demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let count = try TestPaths.text("SampleData/ctn-0097-screening.csv").split(separator: "\n").count - 1
        #expect(demo.stdout.contains("Imported \(count) screenings from SampleData/ctn-0097-screening.csv."))
        #expect(demo.stdout.contains("Assessed for eligibility (screened)"))
        #expect(demo.stdout.contains("Screening, eligibility and consent by site, period and condition"))
    }
}
