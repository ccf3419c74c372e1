// SPDX-License-Identifier: Apache-2.0

import WedgeCore
import WedgeStore
import WedgeStorePostgres

/// Where a study lives, as the command line names it: a `postgres://` URL, or otherwise a SQLite file path.
enum StudyAddress {
    case sqlite(path: String)
    case postgres(url: String)

    /// Reads `text`: a `postgres://` or `postgresql://` URL, or a path.
    init(_ text: String) {
        let lower = text.lowercased()
        self = lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") ? .postgres(url: text) : .sqlite(path: text)
    }

    /// Opens the study there.
    func open() async throws -> any StudyEngine {
        switch self {
        case .sqlite(let path): return try StudyStore.open(at: path)
        case .postgres(let url): return try await PostgresStudyStore.open(url: url)
        }
    }

    /// Writes `dump` there as a new study, in one transaction.
    /// Opens the study for a server: a SQLite file with concurrent readers (``WedgeStore/StudyStore/openShared(at:)``).
    func openForServing() async throws -> any StudyEngine {
        switch self {
        case .sqlite(let path): return try StudyStore.openShared(at: path)
        case .postgres: return try await open()
        }
    }

    func restore(_ dump: StudyDump) async throws -> any StudyEngine {
        switch self {
        case .sqlite(let path): return try StudyStore.restore(dump, at: path)
        case .postgres(let url): return try await PostgresStudyStore.restore(dump, url: url)
        }
    }
}
