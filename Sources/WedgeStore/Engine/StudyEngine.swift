// SPDX-License-Identifier: Apache-2.0

/// What the engines offer inside the package beyond ``StudyStoring``: reading a whole study row for row, which
/// `wedge-server copy` writes into another engine.
package protocol StudyEngine: StudyStoring {
    /// Every row of the study, read in one consistent snapshot.
    func dump() async throws(StoreError) -> StudyDump
    /// The server's shared state (accounts, tokens, throttling, idempotency keys) in the same database.
    var serverState: ServerState { get }
    /// Releases the engine's connections; the store cannot be used afterwards.
    func close() async
}
