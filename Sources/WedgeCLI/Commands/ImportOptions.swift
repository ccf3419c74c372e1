// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser

/// The options every import shares (`wedge import`, `wedge screen import`): where refused rows go, and who imports.
struct ImportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Import the valid rows and write the refused ones to this CSV file.", valueName: "file"),
            completion: .file(extensions: ["csv"]))
    var skipInvalid: String?

    @Flag(help: "Replace the --skip-invalid file if it exists.")
    var force = false

    @Option(name: .customLong("as"), help: ArgumentHelp(
        "Who imports, for the audit trail.", discussion: "Default: $WEDGE_USER, else $USER.", valueName: "user"))
    var actor: String?

    /// Runs `body` with the importing actor and the rejects file (with `--skip-invalid`); the rejects file is kept
    /// only when `body` succeeds, and then its count is printed.
    func run(_ body: (_ actor: String, _ rejects: RejectsFile?) throws -> Void) throws {
        let rejects = try skipInvalid.map { try RejectsFile(path: $0, force: force) }
        do {
            try body(Clock.actor(actor), rejects)
            try rejects?.close()
        } catch {
            rejects?.discard()
            throw error
        }
        if let rejects, let skipInvalid {
            print("Refused \(rejects.count) row(s), written to \(skipInvalid) with their line and reason.")
        }
    }
}
