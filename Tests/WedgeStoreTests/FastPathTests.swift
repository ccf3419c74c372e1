// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
@testable import WedgeStore

/// The import's fast paths give exactly what the general definitions give: the state JSON, the audit hash,
/// the digest's hex, and opening a database.
@Suite("Recorder fast paths")
struct FastPathTests {
    /// Participants whose states cover every kind of key: flags or none, deleted, missing baseline values,
    /// outcomes present and absent, values that need JSON escaping.
    private func participants() throws -> [StoredParticipant] {
        let schedule = StoreFixture.schedule(for: try StoreFixture.loaded())
        var odd = StoreFixture.record("Z\"9", site: "unit-f", admitted: "2022-06-30")
        odd.baseline = ["age": "70", "sex": "male", "race_ethnicity": "other", "insured": "no",
                        "fentanyl_positive": "yes", "injection_drug_use": "no", "opioid_days_30": "0"]
        var rows = try StoreFixture.enroll([StoreFixture.record("P001"), StoreFixture.nonInitiator("P002"), odd],
                                           schedule: schedule)
        var participants = rows.map { StoredParticipant(enrollment: $0.enrollment, flags: $0.flags, isDeleted: false) }
        participants[1].isDeleted = true
        participants[2].flags = [.deviation, .secondInjectionOutsideWindow]
        // Values the rules would refuse still have to encode exactly (the layout does not validate).
        rows[0].enrollment.record.baseline = ["age": "line\nbreak \\ \"q\" \u{1} ä 🙂", "sex": ""]
        rows[0].enrollment.period = 12
        participants.append(StoredParticipant(enrollment: rows[0].enrollment, flags: [], isDeleted: false))
        return participants
    }

    @Test("the precomputed key order writes the same JSON as sorting the state")
    func stateLayout() throws {
        let proto = try StoreFixture.loaded().protocol
        let layout = StateLayout(baselineIDs: proto.baseline.map(\.id))
        let all = try participants()
        for participant in all {
            let outcomes = ParticipantState.outcomeValues(participant.enrollment.record.outcome)
            #expect(layout.json(of: participant, outcomes: outcomes) == ParticipantState.json(participant.state))
        }
        var stranger = all[0]
        stranger.enrollment.record.baseline["shoe_size"] = "44"
        let outcomes = ParticipantState.outcomeValues(stranger.enrollment.record.outcome)
        #expect(layout.json(of: stranger, outcomes: outcomes) == nil)
    }

    @Test("hashing fields directly gives the hash of the canonical text")
    func auditHash() {
        let texts: [String?] = [nil, "", "x", "ä", "🙂 two\nlines", String(repeating: "long ", count: 300), "-", "+3:abc"]
        var checked = 0
        for (i, value) in texts.enumerated() {
            let other = texts[(i * 3 + 1) % texts.count]
            let previous = i % 2 == 0 ? AuditChain.genesis : String(repeating: "f", count: 64)
            let id = Int64(i) * 1_000_003 + 1
            let text = AuditChain.canonicalText(id: id, at: "2024-05-01T09:30:00Z", actor: value ?? "a",
                                                action: "insert", table: "participant", recordID: value, field: other,
                                                oldValue: value, newValue: other, reason: value)
            let direct = AuditChain.hash(previous: previous, id: id, at: "2024-05-01T09:30:00Z", actor: value ?? "a",
                                         action: "insert", table: "participant", recordID: value, field: other,
                                         oldValue: value, newValue: other, reason: value)
            #expect(direct == AuditChain.hash(previous: previous, canonicalText: text))
            checked += 1
        }
        #expect(checked == texts.count)
    }

    @Test("the digest is lowercase hex of SHA-256 (FIPS 180-4 examples)")
    func digestHex() {
        #expect(Digest.sha256Hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256Hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("an import restores the connection's page cache size", arguments: StoreKind.allCases)
    func cacheRestored(kind: StoreKind) throws {
        let (store, directory) = try StoreFixture.makeStore(kind)
        let before = try store.pageCacheSize()
        try store.importParticipants(try StoreFixture.threeParticipants(try store.fetchSchedule()), source: "a.csv",
                                     actor: "tester")
        let after = try store.pageCacheSize()
        #expect(after == before && before != -StudyStore.bulkCacheKiB)
        _ = directory
    }

    @Test("opening an up-to-date database and reading it leaves the file's bytes unchanged")
    func openWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("study.wedge")
        do {
            let loaded = try StoreFixture.loaded()
            let store = try StudyStore.create(at: path, protocol: loaded, schedule: StoreFixture.schedule(for: loaded),
                                              createdAt: StoreFixture.createdAt)
            try store.importParticipants(try StoreFixture.threeParticipants(try store.fetchSchedule()),
                                         source: "a.csv", actor: "tester")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let store = try StudyStore.open(at: path)
            #expect(try store.participantCount() == 3)
            #expect(try store.verifyAuditChain().isIntact)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a streamed import refuses a stored id, alone, and stores the other rows when told to skip")
    func streamedExisting() throws {
        let (store, directory) = try StoreFixture.makeStore(.file)
        let schedule = try store.fetchSchedule()
        try store.importParticipants(try StoreFixture.threeParticipants(schedule), source: "a.csv", actor: "tester")
        let rows = try StoreFixture.enroll([StoreFixture.record("P002", site: "unit-e"), StoreFixture.record("P200")],
                                           schedule: schedule)
        var wrong = rows[0]
        wrong.enrollment.conditionID = "nonsense"
        var problems: [[DataIssue]] = []
        let stored = try store.importParticipants(source: "b.csv", actor: "tester") { storeRow in
            for row in [wrong, rows[0], rows[1]] { problems.append(try storeRow(row.enrollment, row.flags)) }
        }
        #expect(stored == 1)
        #expect(problems.map { $0.map(\.field) } == [["participant_id"], ["participant_id"], []])
        #expect(problems[0].first?.problem == "is already in the study database")
        #expect(try store.participantCount() == 4)
        let verification = try store.verifyAuditChain()
        #expect(verification.isIntact && verification.entryCount == 1 + 1 + 3 + 1 + 1)
        _ = directory
    }

    /// The split-based parser `CivilDate(iso:)` used before its byte-level fast path: the oracle.
    private static func splitParse(_ string: String) -> CivilDate? {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    @Test("CivilDate(iso:) accepts exactly what the split-based parser accepted")
    func isoDates() {
        var inputs = ["2021-03-16", "2024-02-29", "2023-02-29", "2021-13-01", "2021-00-10", "2021-04-31", "0000-01-01",
                      "9999-12-31", "2021-3-16", "2021-03-6", "21-03-16", "2021-03-16 ", " 2021-03-16", "2021/03/16",
                      "2021-03-16\r\n", "2021-03\r\n16", "２０２１-03-16", "2021-0٣-16", "2021-03-1a", "+021-03-16",
                      "-021-03-16", "2021--3-16", "", "2021-03-160", "20210-3-16", "2021-03-16-", "2021-0\u{301}3-16"]
        for day in stride(from: -800_000, through: 800_000, by: 997) { inputs.append(CivilDate(dayNumber: day).iso) }
        for input in inputs {
            #expect(CivilDate(iso: input) == Self.splitParse(input), "\(input.debugDescription)")
            #expect(CivilDate(iso: Substring(input)) == Self.splitParse(input), "\(input.debugDescription)")
        }
        #expect(CivilDate(iso: "2021-03-16")?.dayNumber == 18_702)
    }
}
