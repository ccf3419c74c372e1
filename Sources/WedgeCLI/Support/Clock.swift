// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeCore

/// The wall clock, read in one place: today's civil date (UTC) and an ISO 8601 timestamp.
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

    /// The user name for audit entries: `$USER`, else "unknown".
    static func actor() -> String {
        ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
    }
}
