// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeStore

/// `wedge-server copy`: moves a whole study, audit log included, between engines.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole study, audit log included, between a SQLite file and a PostgreSQL database.",
        discussion: """
            The source must verify; the target must be a new file, or a PostgreSQL database without a study. \
            Everything is written in one transaction on the target, then read back, compared row for row and \
            verified. A SQLite copy of a shared database works with every `wedge analyze`, `report` and `export` \
            command.
            """)

    @Option(help: "The study to copy: a SQLite path or a postgres:// URL.")
    var from: String

    @Option(help: "Where to copy it: a new SQLite path or a postgres:// URL of a database without a study.")
    var to: String

    func run() async throws {
        print(try await StudyCopy.copy(from: StudyAddress(from), to: StudyAddress(to)), terminator: "")
    }
}
