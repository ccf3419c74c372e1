// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A boolean that one task raises and another reads, for tests that run work while something else happens.
public final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    public init() {}

    /// Raises the flag.
    public func raise() {
        lock.lock()
        raised = true
        lock.unlock()
    }

    /// Whether the flag has been raised.
    public var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }
}
