// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeStorePostgres

/// `wedge-server migrate`: creates or upgrades the schema of a PostgreSQL study database.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the schema of a PostgreSQL study database, in one transaction.",
        discussion: """
            Refuses a database written by a newer Wedge. Run it as the database's owner role; the server itself \
            needs only the application role's privileges (docs/postgresql.md).
            """)

    @Option(help: "The database: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…].")
    var postgres: String

    func run() async throws {
        let applied = try await PostgresStudyStore.migrate(url: postgres)
        print(applied.isEmpty ? "The schema is up to date." : "Applied: " + applied.joined(separator: ", ") + ".")
    }
}
