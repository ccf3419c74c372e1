// SPDX-License-Identifier: Apache-2.0

import Foundation
public import Testing

/// The storage engines the conformance suite runs against: SQLite always, PostgreSQL when `WEDGE_TEST_POSTGRES`
/// names a server (an admin URL; each test creates a database of its own there).
public enum Engine: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    public var testDescription: String { rawValue }

    /// The admin URL of the test server, or `nil`.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["WEDGE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a skipped PostgreSQL half is a failure (`WEDGE_REQUIRE_POSTGRES=1`, as `.ci/run` sets it).
    public static var postgresRequired: Bool { ProcessInfo.processInfo.environment["WEDGE_REQUIRE_POSTGRES"] == "1" }

    /// The engines to test here.
    public static var available: [Engine] {
        if postgresURL == nil {
            noticeOnce
            return [.sqlite]
        }
        return [.sqlite, .postgres]
    }

    /// Printed once when the PostgreSQL half is skipped.
    private static let noticeOnce: Void = {
        print("NOTICE: WEDGE_TEST_POSTGRES is not set: the PostgreSQL half of the store conformance suite is skipped. "
              + "Run it with scripts/with-postgres.sh swift test.")
    }()
}
