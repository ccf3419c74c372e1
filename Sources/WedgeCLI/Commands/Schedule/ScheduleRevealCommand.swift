// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeAnalysis
internal import WedgeCore
internal import WedgeStore

/// `wedge schedule reveal --as-of DATE`: only what site staff may know on that date.
struct ScheduleRevealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reveal",
        abstract: "Show only what site staff may know on a date: started conditions and announced crossovers.",
        discussion: "Reads the schedule from a study database (--db), or from a sealed file with its protocol.")

    @Option(help: "The date, YYYY-MM-DD.")
    var asOf: String

    @Option(help: "A study database.", completion: .file())
    var db: String?

    @Option(help: "A sealed schedule file (with --protocol).", completion: .file(extensions: ["json"]))
    var sealed: String?

    @Option(help: "The protocol .toml file (with --sealed).", completion: .file(extensions: ["toml"]))
    var `protocol`: String?

    @Option(help: "Show one site only.")
    var site: String?

    @Option(help: "Output format: text, md or csv.")
    var format: TableFormat = .text

    func validate() throws {
        guard CivilDate(iso: asOf) != nil else {
            throw ValidationError("--as-of '\(asOf)' is not a date; write it as YYYY-MM-DD.")
        }
        guard (db == nil) != (sealed == nil), (sealed == nil) == (`protocol` == nil) else {
            throw ValidationError("Give either --db FILE, or --sealed FILE with --protocol FILE.")
        }
    }

    func run() throws {
        let schedule: Schedule
        if let db {
            schedule = try StudyStore.open(at: db).fetchSchedule()
        } else {
            let loaded = try ProtocolLoader.load(path: `protocol`!)
            let text = try InputFile.text(sealed!, limit: InputFile.dataLimit)
            schedule = try ScheduleVerifier.verify(sealedText: text, file: sealed!, protocol: loaded).schedule
        }
        if let site, schedule.protocol.site(id: site) == nil {
            throw CLIError("Unknown site '\(site)'. Sites: " + schedule.protocol.sites.map(\.id).joined(separator: ", ") + ".")
        }
        let disclosure = ScheduleDisclosure(schedule: schedule, asOf: CivilDate(iso: asOf)!)
        print(TableRenderer.render(ScheduleTables.disclosure(disclosure, schedule: schedule, site: site), as: format),
              terminator: "")
    }
}
