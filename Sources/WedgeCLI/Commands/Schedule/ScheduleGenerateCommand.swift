// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeAnalysis
internal import WedgeCore

/// `wedge schedule generate --protocol FILE --seed SEED --format json`.
struct ScheduleGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Randomize and print the dated schedule.",
        discussion: """
            Formats: text (terminal table and crossover calendar), md, csv (one row per site and period), json \
            (schema in docs/schedule-json.md), ics (notice and crossover dates as calendar events), svg (the design \
            diagram). Without --seed a seed is drawn from the system's secure generator; record it.
            """)

    @Option(help: "The protocol .toml file.", completion: .file(extensions: ["toml"]))
    var `protocol`: String

    @Option(help: "The randomization seed (any text). Drawn securely when absent.")
    var seed: String?

    @Option(help: "Output format: \(ScheduleFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ScheduleFormat = .text

    @Option(help: "Write to this file instead of standard output (never overwrites without --force).")
    var out: String?

    @Flag(help: "Overwrite --out if it exists.")
    var force = false

    func run() throws {
        let loaded = try ProtocolLoader.load(path: `protocol`)
        let drawnSeed = seed ?? SeedGenerator.secureSeed()
        let schedule = Randomizer.randomize(loaded.protocol, seed: drawnSeed)
        if seed == nil {
            FileHandle.standardError.write(Data("Seed drawn from the system's secure generator: \(drawnSeed)\n".utf8))
        }
        let text = Self.render(schedule, digest: loaded.digest, as: format)
        if let out {
            try OutputFile.write(text, to: out, force: force)
        } else {
            print(text, terminator: "")
        }
    }

    static func render(_ schedule: Schedule, digest: String, as format: ScheduleFormat) -> String {
        switch format {
        case .text, .md:
            let tf: TableFormat = format == .text ? .text : .markdown
            return TableRenderer.render(ScheduleTables.design(schedule), as: tf) + "\n"
                + TableRenderer.render(ScheduleTables.crossovers(schedule), as: tf)
        case .csv:
            return TableRenderer.render(ScheduleTables.cells(schedule), as: .csv)
        case .json:
            return schedule.jsonDocument(protocolDigest: digest).serialized(pretty: true)
        case .ics:
            return ScheduleCalendarFile.ics(schedule)
        case .svg:
            return DesignDiagram.svg(schedule)
        }
    }
}
