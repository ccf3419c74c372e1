// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeStats
import WedgeTestSupport

/// The chunked CSV reader against the in-memory parser, and the streamed participant file reader.
@Suite("Streaming CSV and participant files")
struct DataStreamingTests {
    private static func parseChunked(_ text: String, chunk: Int) -> Result<[CSVRecord], CSVParser.SyntaxError> {
        var reader = CSVChunkedReader()
        var records: [CSVRecord] = []
        let bytes = Array(text.utf8)
        do {
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + chunk)
                try reader.feed(bytes[start..<end]) { records.append($0) }
                start = end
            }
            try reader.finish { records.append($0) }
            return .success(records)
        } catch let error as CSVParser.SyntaxError {
            return .failure(error)
        } catch {
            Issue.record("unexpected \(error)")
            return .success([])
        }
    }

    @Test("the chunked reader gives exactly CSVParser's records and errors, whatever the chunk size")
    func equivalence() {
        var rng = SeededGenerator(seed: 20_240_501)
        let alphabet: [String] = ["a", "b", "1", ",", ",", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ", "é", "\u{FEFF}"]
        for _ in 0..<3_000 {
            var text = Bool.random(using: &rng) ? "\u{FEFF}" : ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) { text += alphabet.randomElement(using: &rng)! }
            let expected: Result<[CSVRecord], CSVParser.SyntaxError>
            do { expected = .success(try CSVParser().parse(text)) } catch { expected = .failure(error) }
            for chunk in [1, 2, 3, 7, 64] {
                let actual = Self.parseChunked(text, chunk: chunk)
                #expect(actual == expected, "chunk \(chunk): \(text.debugDescription)")
                if actual != expected { return }
            }
        }
    }

    @Test("a record longer than the limit is refused with its line, not buffered")
    func recordLimit() {
        let text = "a,b\n\"" + String(repeating: "x", count: CSVChunkedReader.maximumRecordBytes + 10)
        guard case .failure(let error) = Self.parseChunked(text, chunk: 1 << 16) else {
            Issue.record("accepted an endless record")
            return
        }
        #expect(error.line == 2)
    }

    @Test("invalid UTF-8 is refused with its line")
    func invalidUTF8() throws {
        var reader = CSVChunkedReader()
        #expect(throws: CSVParser.SyntaxError.self) {
            try reader.feed([0x61, 0x0A, 0x62, 0xFF, 0x0A] as [UInt8]) { _ in }
        }
    }

    @Test("the file reader gives the same records and line numbers as ParticipantImport")
    func fileReaderMatchesImport() throws {
        let loaded = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml"))
        let schedule = Randomizer.randomize(loaded.protocol, seed: "swift-129")
        let path = TestPaths.path("SampleData/ctn-0097-participants.csv")
        let today = CivilDate(iso: "2025-01-01")!
        let expected = try ParticipantImport.validate(try TestPaths.text("SampleData/ctn-0097-participants.csv"),
                                                      file: path, schedule: schedule, today: today)
        var reader = ParticipantFileReader(path: path, schedule: schedule, today: today)
        reader.chunkSize = 333
        var rows: [(Enrollment, [OutcomeFlag])] = []
        try reader.read { row in rows.append(try row.result.get()) }
        #expect(rows.map(\.0) == expected.map(\.enrollment))
        #expect(rows.map(\.1) == expected.map(\.flags))
    }

    @Test("the file reader reports a bad row with its file and line and carries on")
    func fileReaderBadRow() throws {
        let loaded = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml"))
        let schedule = Randomizer.randomize(loaded.protocol, seed: "swift-129")
        var lines = try TestPaths.text("SampleData/ctn-0097-participants.csv").split(separator: "\n").map(String.init)
        lines[3] = lines[3].replacingOccurrences(of: ",2021-", with: ",21/")
        lines[7] = lines[2]
        let dir = try TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("bad.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var failures: [DataIssue] = []
        var count = 0
        try ParticipantFileReader(path: path, file: "bad.csv", schedule: schedule, today: CivilDate(iso: "2025-01-01")!).read { row in
            count += 1
            if case .failure(let error) = row.result { failures += error.issues }
        }
        #expect(count == lines.count - 1)
        #expect(failures.contains { $0.line == 4 && $0.file == "bad.csv" })
        #expect(failures.contains { $0.line == 8 && $0.problem == "repeats the participant on line 3" })
    }
}
