// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore

/// `wedge check PROTOCOL…`: validates protocol files and summarizes each.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate protocol files and summarize their designs.",
        discussion: "Every problem is listed with its file, line, field and value. Exits 1 if any file has one.")

    @Argument(help: "Protocol .toml files.", completion: .file(extensions: ["toml"]))
    var protocols: [String]

    func validate() throws {
        if protocols.isEmpty { throw ValidationError("Give at least one protocol file, such as Protocols/ctn-0097.toml.") }
    }

    func run() throws {
        var failures: [ProtocolError] = []
        for path in protocols {
            do {
                let loaded = try ProtocolLoader.load(path: path)
                print(ProtocolSummary.describe(loaded, path: path))
            } catch {
                failures.append(error)
            }
        }
        guard failures.isEmpty else {
            throw ProtocolError(issues: failures.flatMap(\.issues))
        }
    }
}
