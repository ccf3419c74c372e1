// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeCore

/// The wall clock, read in one place: today's civil date (UTC) and an ISO 8601 timestamp; and who is at the
/// keyboard, for audit entries.
enum Clock {
    /// Today's date in UTC.
    static func today() -> CivilDate {
        CivilDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// The user name for audit entries: `explicit` (the `--as` option) when given, else `$WEDGE_USER`, else
    /// `$USER`, else "unknown". Blank values are skipped.
    static func actor(_ explicit: String? = nil) -> String {
        let environment = ProcessInfo.processInfo.environment
        for candidate in [explicit, environment["WEDGE_USER"], environment["USER"]] {
            if let name = candidate?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty { return name }
        }
        return "unknown"
    }
}
