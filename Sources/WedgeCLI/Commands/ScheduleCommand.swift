// SPDX-License-Identifier: Apache-2.0

public import ArgumentParser
internal import WedgeAnalysis
internal import WedgeCore

/// `wedge schedule --protocol FILE [--seed SEED]`: randomizes and prints the dated schedule.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Randomize sites to sequences and print the dated schedule.",
        discussion: """
            The same protocol and seed always give the same schedule (docs/randomization.md). Without --seed, a \
            seed is drawn from the system's secure generator and printed: record it.
            """)

    @Option(help: "The protocol .toml file.", completion: .file(extensions: ["toml"]))
    var `protocol`: String

    @Option(help: "The randomization seed (any text). Drawn securely and printed when absent.")
    var seed: String?

    @Option(help: "Output format: text, md or csv.")
    var format: TableFormat = .text

    func run() throws {
        let loaded = try ProtocolLoader.load(path: `protocol`)
        let schedule = Randomizer.randomize(loaded.protocol, seed: seed ?? SeedGenerator.secureSeed())
        print(TableRenderer.render(ScheduleTables.design(schedule), as: format))
        print(TableRenderer.render(ScheduleTables.crossovers(schedule), as: format), terminator: "")
    }
}
