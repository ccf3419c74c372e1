// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeCore
import WedgeStore
import WedgeStorePostgres

/// `wedge-server status`: what a PostgreSQL study database holds.
struct ServerStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the study, schema version, participant count and audit head of a PostgreSQL database.")

    @Option(help: "The database: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…].")
    var postgres: String

    func run() async throws {
        let store = try await PostgresStudyStore.open(url: postgres)
        do {
            let proto = try await store.fetchProtocol()
            let migrations = try await store.appliedMigrations()
            let participants = try await store.participantCount()
            let trail = try await store.auditTrail(participantID: nil)
            print("""
                Study: \(proto.protocol.study.id) (\(proto.protocol.study.title))
                Database: \(store.location)
                Schema: \(migrations.joined(separator: ", "))
                Participants: \(participants) (soft-deleted ones included)
                Audit log: \(trail.count) entries, head hash \(trail.last?.hash ?? "none")
                """)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
