// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore

/// `wedge schedule seal`: writes the full schedule for the unblinded statistician and prints a public commitment.
struct ScheduleSealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Write the full schedule for the unblinded statistician and print its public commitment.",
        discussion: """
            The sealed file is the schedule's JSON document, including the seed. The commitment is the SHA-256 of \
            its canonical form: publish it before the trial starts (for example in the registry). Because the \
            document contains the seed, a secure seed (the default) keeps the commitment from revealing the \
            allocation; a guessable seed does not.
            """)

    @Option(help: "The protocol .toml file.", completion: .file(extensions: ["toml"]))
    var `protocol`: String

    @Option(help: "The seed (default: drawn from the system's secure generator, which concealment needs).")
    var seed: String?

    @Option(help: "The sealed schedule file to write (never overwritten).", completion: .file(extensions: ["json"]))
    var out: String

    func run() throws {
        let loaded = try ProtocolLoader.load(path: `protocol`)
        let schedule = Randomizer.randomize(loaded.protocol, seed: seed ?? SeedGenerator.secureSeed())
        try OutputFile.write(schedule.jsonDocument(protocolDigest: loaded.digest).serialized(pretty: true), to: out,
                             force: false)
        print("Sealed schedule written to \(out). Keep it with the unblinded statistician.")
        print("Public commitment (SHA-256): \(schedule.commitment(protocolDigest: loaded.digest))")
    }
}
