// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeAnalysis
internal import WedgeCore
internal import WedgeStore

/// `wedge init --protocol FILE --db FILE [--seed SEED]`: creates a study database with its schedule;
/// `wedge init --example NAME --out FILE`: writes a built-in example protocol to start from.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a study database from a protocol, or write an example protocol to start from.",
        discussion: """
            wedge init --protocol FILE --db FILE [--seed SEED]
              Creates a study database. It stores the protocol's exact text, the seed and the allocation, and is \
            never overwritten.

            wedge init --example NAME --out FILE
              Writes the built-in example protocol NAME (\(EmbeddedFiles.exampleNames.joined(separator: ", "))), \
            commented field by field, as the start of a new protocol. An existing file is never overwritten.
            """)

    @Option(help: "The protocol .toml file (to create a database).", completion: .file(extensions: ["toml"]))
    var `protocol`: String?

    @Option(help: "The new database file (to create a database).", completion: .file())
    var db: String?

    @Option(help: "The randomization seed. Drawn securely and recorded when absent.")
    var seed: String?

    @Option(help: ArgumentHelp("A built-in example protocol to write to --out.", valueName: "name"),
            completion: .list(EmbeddedFiles.exampleNames))
    var example: String?

    @Option(help: "The new protocol file (with --example).", completion: .file(extensions: ["toml"]))
    var out: String?

    func validate() throws {
        if let example {
            guard `protocol` == nil, db == nil, seed == nil, out != nil else {
                throw ValidationError("--example writes a protocol: give it with --out FILE only, "
                                      + "then create the study with --protocol FILE --db FILE.")
            }
            guard EmbeddedFiles.exampleNames.contains(example) else {
                throw ValidationError("There is no example '\(example)'. Examples: "
                                      + EmbeddedFiles.exampleNames.joined(separator: ", ") + ".")
            }
        } else if `protocol` == nil || db == nil || out != nil {
            throw ValidationError("Give --protocol FILE --db FILE to create a study database, "
                                  + "or --example NAME --out FILE to write an example protocol.")
        }
    }

    func run() throws {
        if let example, let out {
            try OutputFile.write(EmbeddedFiles.byPath[EmbeddedFiles.examplePath(example)]!, to: out, force: false)
            print("Wrote \(out) from the example \(example). Edit it, check it with `wedge check \(out)`, "
                  + "then create the study with `wedge init --protocol \(out) --db study.sqlite`.")
            return
        }
        let loaded = try ProtocolLoader.load(path: `protocol`!)
        let schedule = Randomizer.randomize(loaded.protocol, seed: seed ?? SeedGenerator.secureSeed())
        _ = try StudyStore.create(at: db!, protocol: loaded, schedule: schedule, createdAt: Clock.timestamp())
        print("Created \(db!) for \(loaded.protocol.study.id) with seed \(schedule.seed).")
        print(TableRenderer.render(ScheduleTables.design(schedule), as: .text), terminator: "")
    }
}
