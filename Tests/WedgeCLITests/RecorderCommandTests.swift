// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore
import WedgeTestSupport

/// The recorder commands end to end: the built `wedge` binary, its output and exit codes.
@Suite("wedge recorder commands")
struct RecorderCommandTests {
    @Test("enroll, record, ae, correct, delete, audit log and verify, export and status")
    func workflow() throws {
        let (_, db) = try RecorderSupport.study()
        let enroll = try RecorderSupport.run(["enroll", "--db", db, "P1", "--site", "unit-a", "--admitted", "2021-04-01",
                                              "--baseline", "age=34", "--baseline", "sex=female"], environment: ["WEDGE_USER": "coordinator"])
        #expect(enroll.status == 0, "\(enroll.stderr)")
        #expect(enroll.stdout.contains("condition ") && enroll.stdout.contains("period 1 of 5"))
        let refused = try CommandResult.wedge(["enroll", "--db", db, "P2", "--site", "unit-z", "--admitted", "2019-01-01",
                                               "--baseline", "age=34", "--baseline", "sex=male"])
        #expect(refused.status == 1 && refused.stderr.contains("unknown site") && !refused.stderr.contains("2019-01-01"))
        let record = try CommandResult.wedge(["record", "--db", db, "P1", "--induction-start", "2021-04-02",
                                              "--first-injection", "2021-04-08", "--discharge", "2021-04-09", "--as", "nurse"])
        #expect(record.status == 0 && record.stdout.contains("Recorded for P1: induction_start_date, first_injection_date, discharge_date."))
        #expect(record.stdout.contains("Flags: none."))
        let overwrite = try CommandResult.wedge(["record", "--db", db, "P1", "--discharge", "2021-04-10"])
        #expect(overwrite.status == 1 && overwrite.stderr.contains("wedge correct"))
        #expect(try CommandResult.wedge(["record", "--db", db, "P1"]).status == 64)
        #expect(try CommandResult.wedge(["record", "--db", db, "P1", "--first-injection", "2021-04-08",
                                         "--not-initiated", "other"]).status == 64)
        #expect(try CommandResult.wedge(["ae", "--db", db, "P1", "--date", "2021-04-05", "--description", "nausea",
                                         "--serious"]).stdout.contains("adverse event 1"))
        let correct = try CommandResult.wedge(["correct", "--db", db, "P1", "discharge_date", "2021-04-11", "--reason", "typo"])
        #expect(correct.status == 0, "\(correct.stderr)")
        #expect(try CommandResult.wedge(["correct", "--db", db, "P1", "discharge_date", "--reason", "x"]).status == 64)
        #expect(try CommandResult.wedge(["correct", "--db", db, "P1", "age", "--clear", "--reason", "x"]).status == 1)
        let log = try CommandResult.wedge(["audit", "log", "--db", db, "P1"])
        #expect(log.status == 0)
        #expect(log.stdout.contains("coordinator insert participant P1"))
        #expect(log.stdout.contains("nurse record induction P1 first_injection_date: ∅ → 2021-04-08"))
        #expect(log.stdout.contains("discharge_date: 2021-04-09 → 2021-04-11 (reason: typo)"))
        #expect(try CommandResult.wedge(["audit", "verify", "--db", db]).status == 0)
        let export = try CommandResult.wedge(["export", "--db", db])
        #expect(export.status == 0 && export.stdout.split(separator: "\n").count == 2)
        let json = try CommandResult.wedge(["export", "--db", db, "--format", "json"])
        #expect(json.status == 0 && json.stdout.hasPrefix("["))
        let status = try CommandResult.wedge(["status", "--db", db])
        #expect(status.status == 0 && status.stdout.contains("Enrollment by site and period") && status.stdout.contains("Open queries"))
        #expect(try CommandResult.wedge(["delete", "--db", db, "P1", "--reason", "duplicate"]).status == 0)
        #expect(try CommandResult.wedge(["record", "--db", db, "P1", "--dropout", "2021-05-01"]).status == 1)
        #expect(try CommandResult.wedge(["export", "--db", db]).stdout.split(separator: "\n").count == 1)
    }

    @Test("audit verify exits 1 and names the first broken entry and its table and row")
    func verifyTampering() throws {
        let (_, db) = try RecorderSupport.study()
        #expect(try CommandResult.wedge(["enroll", "--db", db, "P1", "--site", "unit-a", "--admitted", "2021-04-01",
                                         "--baseline", "age=34", "--baseline", "sex=female"]).status == 0)
        #expect(try CommandResult.wedge(["record", "--db", db, "P1", "--discharge", "2021-04-09"]).status == 0)
        let store = try StudyStore.open(at: db)
        try store.executeUncheckedSQL("UPDATE induction SET discharge_date = '2021-04-10'")
        let data = try CommandResult.wedge(["audit", "verify", "--db", db])
        #expect(data.status == 1 && data.stderr.contains("table induction, row P1") && data.stderr.contains("discharge_date"))
        try store.executeUncheckedSQL("DROP TRIGGER audit_log_no_update")
        try store.executeUncheckedSQL("UPDATE audit_log SET actor = 'mallory' WHERE id = 2")
        let entry = try CommandResult.wedge(["audit", "verify", "--db", db])
        #expect(entry.status == 1)
        #expect(entry.stderr.contains("First broken entry: audit entry 2 (table participant, row P1)"), "\(entry.stderr)")
    }

    @Test("import --skip-invalid imports the valid rows and writes the rejects with line and reason")
    func skipInvalid() throws {
        let (dir, db) = try RecorderSupport.study()
        var lines = try RecorderSupport.csv(count: 20).split(separator: "\n").map(String.init)
        lines[3] = lines[3].replacingOccurrences(of: ",2021-", with: ",21/")   // a malformed date on line 4
        lines[9] = lines[2]                                                  // line 10 repeats line 3
        let file = dir.appendingPathComponent("in.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let strict = try CommandResult.wedge(["import", "--db", db, file])
        #expect(strict.status == 1 && strict.stderr.contains("in.csv:4") && strict.stderr.contains("in.csv:10"))
        #expect(try StudyStore.open(at: db).participantCount() == 0)
        let rejects = dir.appendingPathComponent("rejects.csv").path
        let skip = try CommandResult.wedge(["import", "--db", db, file, "--skip-invalid", rejects])
        #expect(skip.status == 0 && skip.stdout.contains("Imported 18 participants") && skip.stdout.contains("Refused 2 row(s)"))
        let rows = try CSVParser().parse(try String(contentsOfFile: rejects, encoding: .utf8))
        #expect(rows.map { $0.fields[0] } == ["line", "4", "10"])
        #expect(rows[2].fields[2].contains("repeats the participant on line 3"))
        #expect(try StudyStore.open(at: db).participantCount() == 18)
        let again = try CommandResult.wedge(["import", "--db", db, file, "--skip-invalid", rejects])
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        #expect(try CommandResult.wedge(["audit", "verify", "--db", db]).status == 0)
    }

    @Test("import of an event file records outcomes of stored participants, all or nothing, or skipping invalid rows")
    func importEvents() throws {
        let (dir, db) = try RecorderSupport.study()
        let participants = dir.appendingPathComponent("p.csv").path
        var lines = try RecorderSupport.csv(count: 3, prefix: "V").split(separator: "\n").map(String.init)
        // Keep identity and baseline; clear every outcome, which the events then give.
        lines = [lines[0]] + lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).prefix(10)
            return (fields + Array(repeating: "", count: 9)).joined(separator: ",")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: participants, atomically: true, encoding: .utf8)
        #expect(try CommandResult.wedge(["import", "--db", db, participants]).status == 0)
        let admission = try #require(lines[1].split(separator: ",").dropFirst(2).first.flatMap { CivilDate(iso: String($0)) })
        let events = dir.appendingPathComponent("events.csv").path
        let good = """
            participant_id,event,date,value
            V000000,induction_start,\(admission.adding(days: 1).iso),
            V000000,first_injection,\(admission.adding(days: 6).iso),
            V000000,discharge,\(admission.adding(days: 8).iso),
            """
        let bad = good + "\nV000000,second_injection,\(admission.adding(days: 2).iso),\nV999999,discharge,\(admission.iso),\n"
        try bad.write(toFile: events, atomically: true, encoding: .utf8)
        let strict = try CommandResult.wedge(["import", "--db", db, events])
        #expect(strict.status == 1 && strict.stderr.contains("events.csv:5") && strict.stderr.contains("events.csv:6"))
        #expect(!strict.stderr.contains(admission.adding(days: 2).iso))
        let rejects = dir.appendingPathComponent("rejects.csv").path
        let skip = try CommandResult.wedge(["import", "--db", db, events, "--skip-invalid", rejects])
        #expect(skip.status == 0 && skip.stdout.contains("Recorded 0 outcome field(s)") && skip.stdout.contains("Refused 5 row(s)"))
        try (good + "\n").write(toFile: events, atomically: true, encoding: .utf8)
        let ok = try CommandResult.wedge(["import", "--db", db, events])
        #expect(ok.status == 0 && ok.stdout.contains("Recorded 3 outcome field(s) of 1 participant(s)"))
        let log = try CommandResult.wedge(["audit", "log", "--db", db, "V000000"])
        #expect(log.stdout.contains("record") && log.stdout.contains("first_injection_date"))
        #expect(try CommandResult.wedge(["audit", "verify", "--db", db]).status == 0)
    }
}
