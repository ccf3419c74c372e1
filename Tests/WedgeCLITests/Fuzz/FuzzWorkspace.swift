// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeTestSupport

/// The inputs the fuzz targets start from, made once per test run in a temporary folder by the built `wedge`:
/// a sealed schedule, two study databases (empty, and with 30 enrolled participants) and the seed files.
struct FuzzWorkspace: Sendable {
    /// The folder.
    let directory: URL
    /// A study of `Protocols/ctn-0097.toml` with the sample data's seed and no participants.
    let emptyStudy: String
    /// The same study with the first 30 sample participants, their outcomes left empty.
    let enrolledStudy: String
    /// A sealed schedule of `Protocols/ctn-0097.toml`.
    let sealed: String
    /// Those 30 participants, with baseline values only.
    let participants: String
    /// Outcome events for those participants, taken from the sample data.
    let events: String

    /// The workspace of this test run.
    static let shared = Result { try FuzzWorkspace() }

    private init() throws {
        directory = try TestPaths.temporaryDirectory()
        let protocolPath = TestPaths.path("Protocols/ctn-0097.toml")
        emptyStudy = directory.appendingPathComponent("empty.sqlite").path
        enrolledStudy = directory.appendingPathComponent("enrolled.sqlite").path
        sealed = directory.appendingPathComponent("sealed.json").path
        participants = directory.appendingPathComponent("participants.csv").path
        events = directory.appendingPathComponent("events.csv").path

        let sample = try TestPaths.text("SampleData/ctn-0097-participants.csv")
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = sample[0], rows = sample[1...30]
        let baselineEnd = header.firstIndex(of: "induction_start_date")!
        let blanked = rows.map { Array($0[..<baselineEnd]) + Array(repeating: "", count: header.count - baselineEnd) }
        try ([header] + blanked).map { $0.joined(separator: ",") + "\n" }.joined()
            .write(toFile: participants, atomically: true, encoding: .utf8)
        try Self.events(header: header, rows: Array(rows)).write(toFile: events, atomically: true, encoding: .utf8)

        for command in [["init", "--protocol", protocolPath, "--db", emptyStudy, "--seed", "swift-129"],
                        ["init", "--protocol", protocolPath, "--db", enrolledStudy, "--seed", "swift-129"],
                        ["import", "--db", enrolledStudy, participants],
                        ["schedule", "seal", "--protocol", protocolPath, "--seed", "fuzz", "--out", sealed]] {
            let result = try CommandResult.wedge(command)
            guard result.status == 0 else { throw FuzzSetupError(command: command, stderr: result.stderr) }
        }
    }

    /// One event per filled outcome field of the sample rows, in the long format.
    private static func events(header: [String], rows: [[String]]) -> String {
        let fields: [(String, String, String?)] = [
            ("induction_start", "induction_start_date", "procedure_received"),
            ("first_injection", "first_injection_date", nil), ("not_initiated", "", "not_initiated_reason"),
            ("discharge", "discharge_date", nil), ("second_injection", "second_injection_date", nil),
            ("last_contact", "last_contact_date", nil), ("dropout", "dropout_date", nil),
        ]
        var text = "participant_id,event,date,value\n"
        for row in rows {
            for (event, dateColumn, valueColumn) in fields {
                let date = header.firstIndex(of: dateColumn).map { row[$0] } ?? ""
                let value = valueColumn.flatMap { header.firstIndex(of: $0) }.map { row[$0] } ?? ""
                if date.isEmpty && value.isEmpty { continue }
                text += "\(row[0]),\(event),\(date),\(value)\n"
            }
        }
        return text
    }
}
