// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeStore
import WedgeStorePostgres

/// `--db FILE` or `--postgres URL`: the study a server command works on.
struct StoreOptions: ParsableArguments {
    @Option(help: "The study database file (SQLite, the embedded default).", completion: .file())
    var db: String?

    @Option(help: "A PostgreSQL study database: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…].")
    var postgres: String?

    func validate() throws {
        guard (db == nil) != (postgres == nil) else { throw ValidationError("Give either --db FILE or --postgres URL.") }
    }

    /// The study's address.
    var address: StudyAddress { db.map { .sqlite(path: $0) } ?? .postgres(url: postgres!) }

    /// Opens the study.
    func open() async throws -> any StudyEngine { try await address.open() }
}
