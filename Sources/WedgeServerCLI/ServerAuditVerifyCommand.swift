// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeStore
import WedgeStorePostgres

/// `wedge-server audit verify`: the hash chain and its replay against the stored data, on PostgreSQL.
struct ServerAuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the audit trail of a PostgreSQL study database; exit 1 naming the first broken entry.",
        discussion: "The same verifier as `wedge audit verify`, on one consistent snapshot of the database.")

    @Option(help: "The database: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…].")
    var postgres: String

    func run() async throws {
        let store = try await PostgresStudyStore.open(url: postgres)
        let verification: AuditVerification
        do {
            verification = try await store.verifyAuditChain()
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        let report = verification.report()
        guard report.isIntact else { throw ServerCommandError(report.text) }
        print(report.text, terminator: "")
    }
}
