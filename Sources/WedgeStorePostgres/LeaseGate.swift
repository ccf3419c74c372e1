// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Decides, once, whether an operation got its pooled connection before its deadline.
///
/// The operation calls ``claim()`` when the pool hands it a connection; the deadline's timer calls ``expire()``.
/// Whichever comes first wins: after a claim the timer leaves the operation alone (so a transaction is never
/// cancelled once it has begun, least of all during `COMMIT`); after an expiry the operation gives its connection
/// back without running anything.
final class LeaseGate: @unchecked Sendable {
    private enum State { case waiting, leased, expired }
    private let lock = NSLock()
    private var state = State.waiting

    /// Marks the connection as leased; false when the deadline has already passed.
    func claim() -> Bool { settle(.leased) }

    /// Marks the deadline as passed; false when the connection was already leased.
    func expire() -> Bool { settle(.expired) }

    private func settle(_ outcome: State) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard state == .waiting else { return false }
        state = outcome
        return true
    }
}
