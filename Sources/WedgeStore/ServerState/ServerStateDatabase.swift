// SPDX-License-Identifier: Apache-2.0

/// What ``ServerState`` needs of an engine: one SQL statement at a time, each its own transaction, with `?`
/// placeholders (the PostgreSQL engine numbers them). Every statement ``ServerState`` sends is a single atomic
/// `INSERT … ON CONFLICT`, `UPDATE … RETURNING` or `SELECT`, written once in the dialect both engines accept.
package protocol ServerStateDatabase: Sendable {
    /// Runs `sql` with `arguments` and returns its rows (those of a `RETURNING` clause for a write).
    func rows(_ sql: String, _ arguments: [SQLValue], operation: String) async throws(StoreError) -> [[SQLValue]]
}
