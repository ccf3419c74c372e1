// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore
import WedgeTestSupport

/// Helpers for the recorder tests (no tests here; the name follows the recorder test files' pattern): a fresh study database, synthetic participant files, and running `wedge`
/// with a chosen environment.
enum RecorderSupport {
    /// A new study database (CTN-0097, seed swift-129) in a new folder; returns the folder and the path.
    static func study() throws -> (URL, String) {
        let dir = try TestPaths.temporaryDirectory()
        let db = dir.appendingPathComponent("study.wedge").path
        let result = try CommandResult.wedge(["init", "--protocol", "Protocols/ctn-0097.toml", "--db", db, "--seed", "swift-129"])
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return (dir, db)
    }

    /// `count` valid participants in the import CSV format, ids `prefix000000`…
    static func csv(count: Int, prefix: String = "Q") throws -> String {
        let proto = try ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml")).protocol
        let sites = proto.sites.map(\.id)
        let start = proto.calendar.startDate
        let format = ParticipantCSVFormat(protocol: proto)
        var text = CSVWriter.row(format.header) + "\n"
        text.reserveCapacity(count * 120)
        for i in 0..<count {
            let admission = start.adding(days: i % 400)
            let record = ParticipantRecord(
                id: prefix + String(i).leftPadded(to: 6), siteID: sites[i % sites.count], admissionDate: admission,
                baseline: ["age": String(18 + i % 60), "sex": i % 2 == 0 ? "female" : "male", "insured": "yes"],
                outcome: InductionOutcome(inductionStartDate: admission.adding(days: 1),
                                          firstInjectionDate: admission.adding(days: 6),
                                          dischargeDate: admission.adding(days: 8),
                                          secondInjectionDate: admission.adding(days: 34),
                                          lastContactDate: admission.adding(days: 70)))
            text += CSVWriter.row(format.row(for: record)) + "\n"
        }
        return text
    }

    /// Starts `wedge` with `arguments` and extra environment variables, without waiting.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = TestPaths.productsDirectory.appendingPathComponent("wedge")
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// The outcome of a run with a chosen environment.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `wedge` with extra environment variables and waits.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let (process, out, err) = try start(arguments, environment: environment)
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                             stderr: String(decoding: e, as: UTF8.self))
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
