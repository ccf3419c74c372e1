// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeAnalysis
internal import WedgeCore
internal import WedgeStore

/// `wedge init --protocol FILE --db FILE [--seed SEED]`: creates a study database with its schedule.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a study database from a protocol, with its randomized schedule.",
        discussion: "The database stores the protocol's exact text, the seed and the allocation. It is never overwritten.")

    @Option(help: "The protocol .toml file.", completion: .file(extensions: ["toml"]))
    var `protocol`: String

    @Option(help: "The new database file.", completion: .file())
    var db: String

    @Option(help: "The randomization seed. Drawn securely and recorded when absent.")
    var seed: String?

    func run() throws {
        let loaded = try ProtocolLoader.load(path: `protocol`)
        let schedule = Randomizer.randomize(loaded.protocol, seed: seed ?? SeedGenerator.secureSeed())
        _ = try StudyStore.create(at: db, protocol: loaded, schedule: schedule, createdAt: Clock.timestamp())
        print("Created \(db) for \(loaded.protocol.study.id) with seed \(schedule.seed).")
        print(TableRenderer.render(ScheduleTables.design(schedule), as: .text), terminator: "")
    }
}
