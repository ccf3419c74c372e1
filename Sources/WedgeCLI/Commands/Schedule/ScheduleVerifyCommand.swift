// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeCore
internal import WedgeStore

/// `wedge schedule verify`: re-derives the schedule and checks the sealed file, the commitment and a database.
struct ScheduleVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-derive the schedule from protocol and seed; check the sealed file, commitment and database.",
        discussion: "Exits 1 with the first site (or line) that differs.")

    @Option(help: "The protocol .toml file.", completion: .file(extensions: ["toml"]))
    var `protocol`: String

    @Option(help: "The sealed schedule file.", completion: .file(extensions: ["json"]))
    var sealed: String

    @Option(help: "The published commitment to check.")
    var commitment: String?

    @Option(help: "A study database whose stored schedule to check.", completion: .file())
    var db: String?

    func run() throws {
        let loaded = try ProtocolLoader.load(path: `protocol`)
        let text = try InputFile.text(sealed, limit: InputFile.dataLimit)
        let stored = try db.map { try StudyStore.open(at: $0).fetchSchedule() }
        let report = try ScheduleVerifier.verify(sealedText: text, file: sealed, protocol: loaded,
                                                 commitment: commitment, stored: stored)
        print("Verified: \(sealed) is the schedule that \(`protocol`) and its seed give "
              + "(\(report.schedule.assignments.count) sites).")
        print(report.commitmentChecked ? "The commitment matches: \(report.commitment)"
              : "Commitment: \(report.commitment) (pass --commitment to check a published one)")
        if report.storedChecked { print("The database \(db!) stores the same allocation.") }
    }
}
