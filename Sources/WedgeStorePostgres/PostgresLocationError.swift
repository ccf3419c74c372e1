// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// A PostgreSQL URL that cannot be used; the URL itself is never quoted, since it may hold a password.
public enum PostgresLocationError: Error, LocalizedError, Equatable, Sendable {
    /// The text is not a `postgres://` URL.
    case notAPostgresURL
    /// A required part is missing.
    case missingPart(String)
    /// `sslmode` has a value Wedge does not know.
    case unknownSSLMode(String)
    /// `connect_timeout` is not a whole number of seconds from 1 to 3600.
    case badConnectTimeout(String)

    /// What is wrong, and the form expected.
    public var errorDescription: String? {
        let form = "Write it as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require][&connect_timeout=SECONDS]."
        switch self {
        case .notAPostgresURL: return "The database URL is not a postgres:// URL. \(form)"
        case .missingPart(let part): return "The database URL has no \(part). \(form)"
        case .unknownSSLMode(let mode): return "The database URL's sslmode '\(mode)' is not known. \(form)"
        case .badConnectTimeout(let value):
            return "The database URL's connect_timeout '\(value)' is not a number of seconds from 1 to 3600. \(form)"
        }
    }
}
