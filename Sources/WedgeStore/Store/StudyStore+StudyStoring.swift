// SPDX-License-Identifier: Apache-2.0

/// The SQLite engine: its synchronous methods satisfy the protocol's `async` requirements as they are.
extension StudyStore: StudyEngine {
    /// Nothing to release: the connection closes with the last copy of the store.
    package func close() async {}
}
