// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore

/// The stored schedule of one open store, read and parsed once (a server commits many groups; each would otherwise
/// parse the protocol again). Safe because the study and site rows are immutable.
final class ScheduleCache: @unchecked Sendable {
    private let lock = NSLock()
    private var schedule: Schedule?

    /// The cached schedule, or `load()`'s, which is then kept.
    func value(_ load: () throws -> Schedule) rethrows -> Schedule {
        lock.lock()
        defer { lock.unlock() }
        if let schedule { return schedule }
        let loaded = try load()
        schedule = loaded
        return loaded
    }
}
