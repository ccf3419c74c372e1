// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Testing
import WedgeCore
import WedgeStats
@testable import WedgeCLI
@testable import WedgeStore
import WedgeTestSupport

/// Seeded random bad input, in-process: mutated CSV files and mutated command lines never crash the recorder,
/// always get an error message, and never leave part of a record behind.
@Suite("Recorder under randomized bad input")
struct RecorderFuzzTests {
    static let junk = ["", " ", ",", "\"", "\"\"", "\n", "\r", "9999-99-99", "2021-02-30", "2099-01-01", "-1", "1e309",
                       "NaN", "é", "\u{0}", "unit-z", "rapid", "other", "P000001", "2021-04-01", "yes", "=", "--db",
                       String(repeating: "x", count: 300)]

    /// One random change to a CSV document.
    static func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = Int.random(in: 1..<max(2, lines.count - 1), using: &rng)
        var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: fields[Int.random(in: 0..<fields.count, using: &rng)] = junk.randomElement(using: &rng)!
        case 1: fields.remove(at: Int.random(in: 0..<fields.count, using: &rng))
        case 2: fields.append(junk.randomElement(using: &rng)!)
        case 3: lines.append(lines[row])                                         // a repeated participant
        case 4: lines[0] = lines[0].replacingOccurrences(of: "age", with: "agee") // a bad header
        case 5: fields.swapAt(Int.random(in: 0..<fields.count, using: &rng), Int.random(in: 0..<fields.count, using: &rng))
        case 6:
            var chars = Array(lines[row])
            if !chars.isEmpty { chars.insert(["\"", ",", "\r"].randomElement(using: &rng)!, at: Int.random(in: 0..<chars.count, using: &rng)) }
            lines[row] = String(chars)
            return lines.joined(separator: "\n")
        default: return String(text.prefix(Int.random(in: 0..<text.count, using: &rng)))
        }
        lines[row] = fields.joined(separator: ",")
        return lines.joined(separator: "\n")
    }

    /// A CTN-0097 study in memory.
    static func memoryStudy() throws -> StudyStore {
        let loaded = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml"))
        return try StudyStore.create(at: nil, protocol: loaded, schedule: Randomizer.randomize(loaded.protocol, seed: "fuzz"),
                                     createdAt: "2024-01-01T00:00:00Z")
    }

    /// Every stored record still passes every rule and carries the stamp the rules give it: nothing half-written.
    static func expectEveryRecordValid(_ store: StudyStore) throws {
        let rules = ParticipantRules(schedule: try store.fetchSchedule(), today: CivilDate(iso: "2100-01-01")!)
        for enrollment in try store.fetchSnapshot(dataLockDate: CivilDate(iso: "2100-01-01")!).enrollments {
            #expect((try? rules.enroll(enrollment.record).get()) == enrollment)
        }
    }

    @Test("1,500 mutated CSV files: each is imported whole or refused whole with a message")
    func mutatedFiles() throws {
        let dir = try TestPaths.temporaryDirectory()
        let store = try Self.memoryStudy()
        var rng = SeededGenerator(seed: 97)
        var refused = 0
        let base = try RecorderSupport.csv(count: 4, prefix: "C#-")
        for n in 0..<1_500 {
            let text = Self.mutate(base.replacingOccurrences(of: "C#-", with: "C\(n)-"), &rng)
            let file = dir.appendingPathComponent("case.csv").path
            try text.write(toFile: file, atomically: false, encoding: .utf8)
            let before = try store.participantCount()
            do {
                let count = try ImportCommand.importFile(file, into: store, actor: "fuzz")
                #expect(try store.participantCount() == before + count.participants, "case \(n)")
            } catch {
                refused += 1
                let message = (error as? any LocalizedError)?.errorDescription ?? ""
                #expect(!message.isEmpty, "case \(n): \(error)")
                #expect(try store.participantCount() == before, "case \(n)")
            }
        }
        #expect(refused > 700)
        #expect(try store.verifyAuditChain().isIntact)
        #expect(try store.checkIntegrity().isEmpty)
    }

    @Test("800 mutated command lines: each parses and runs, or fails with a message; the study stays consistent")
    func mutatedArguments() throws {
        let (_, db) = try RecorderSupport.study()
        let bases: [[String]] = [
            ["enroll", "--db", db, "A1", "--site", "unit-a", "--admitted", "2021-04-01", "--baseline", "age=34", "--baseline", "sex=male"],
            ["record", "--db", db, "A1", "--induction-start", "2021-04-02", "--first-injection", "2021-04-08", "--discharge", "2021-04-09"],
            ["record", "--db", db, "A1", "--second-injection", "2021-05-10", "--last-contact", "2021-06-01"],
            ["correct", "--db", db, "A1", "discharge_date", "2021-04-10", "--reason", "typo"],
            ["ae", "--db", db, "A1", "--date", "2021-04-03", "--description", "nausea"],
            ["delete", "--db", db, "A1", "--reason", "duplicate"],
        ]
        var rng = SeededGenerator(seed: 4_242)
        var ok = 0
        for n in 0..<800 {
            var args = bases.randomElement(using: &rng)!
            let id = "A\(n % 50)"
            args = args.map { $0 == "A1" ? id : $0 }
            for _ in 0..<Int.random(in: 1...2, using: &rng) {
                let i = Int.random(in: 1..<args.count, using: &rng)
                guard args[i] != db else { continue }
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: args[i] = Self.junk.randomElement(using: &rng)!
                case 1: args.remove(at: i)
                case 2: args.insert(Self.junk.randomElement(using: &rng)!, at: i)
                default: args.append(args[i])
                }
                if args.count < 2 { break }
            }
            do {
                let command = try WedgeCommand.parseAsRoot(args)
                guard let recorder = command as? any RecorderCommand else { continue }
                _ = try recorder.execute()
                ok += 1
            } catch {
                let message = WedgeCommand.message(for: error)
                #expect(!message.isEmpty || WedgeCommand.exitCode(for: error) == .success, "case \(n): \(args)")
            }
        }
        #expect(ok > 10)
        let store = try StudyStore.open(at: db)
        #expect(try store.verifyAuditChain().isIntact)
        #expect(try store.checkIntegrity().isEmpty)
        try Self.expectEveryRecordValid(store)
    }

    @Test("600 mutated event files: each is recorded whole or refused whole with a message; every record stays valid")
    func mutatedEventFiles() throws {
        let dir = try TestPaths.temporaryDirectory()
        let store = try Self.memoryStudy()
        let ids = (0..<40).map { "F\($0)" }
        for (i, id) in ids.enumerated() {
            _ = try store.enroll(ParticipantRecord(id: id, siteID: "unit-\(["a", "b", "c"][i % 3])",
                                                   admissionDate: CivilDate(iso: "2021-04-01")!.adding(days: i),
                                                   baseline: ["age": "40", "sex": "male"]),
                                 actor: "fuzz", today: CivilDate(iso: "2024-01-01")!)
        }
        let kinds = OutcomeEventKind.allCases.map(\.rawValue) + ["frist_injection", ""]
        let values = ["", "rapid", "standard", "declined-injection", "left-before-injection", "other"]
        var rng = SeededGenerator(seed: 2_025)
        var recorded = 0
        for n in 0..<600 {
            var text = "participant_id,event,date,value\n"
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let id = Int.random(in: 0..<20, using: &rng) == 0 ? "F99" : ids.randomElement(using: &rng)!
                let admission = CivilDate(iso: "2021-04-01")!.adding(days: Int(id.dropFirst()) ?? 0)
                let kind = Int.random(in: 0..<20, using: &rng) == 0 ? kinds.randomElement(using: &rng)!
                    : ["induction_start", "last_contact", "dropout", "discharge"].randomElement(using: &rng)!
                let date = Int.random(in: 0..<15, using: &rng) == 0 ? Self.junk.randomElement(using: &rng)!
                    : admission.adding(days: Int.random(in: -1...60, using: &rng)).iso
                let value = Int.random(in: 0..<4, using: &rng) == 0 ? values.randomElement(using: &rng)! : ""
                text += [id, kind, date, value].joined(separator: ",") + "\n"
            }
            let file = dir.appendingPathComponent("events.csv").path
            try Self.mutate(text, &rng).write(toFile: file, atomically: false, encoding: .utf8)
            let before = try store.auditTrail(participantID: nil).count
            do {
                let result = try ImportCommand.importEventFile(file, into: store, actor: "fuzz")
                if result.fields > 0 { recorded += 1 }
            } catch {
                let message = (error as? any LocalizedError)?.errorDescription ?? ""
                #expect(!message.isEmpty, "case \(n): \(error)")
                #expect(try store.auditTrail(participantID: nil).count == before, "case \(n)")
            }
        }
        #expect(recorded > 20)
        #expect(try store.verifyAuditChain().isIntact)
        #expect(try store.checkIntegrity().isEmpty)
        try Self.expectEveryRecordValid(store)
    }
}
