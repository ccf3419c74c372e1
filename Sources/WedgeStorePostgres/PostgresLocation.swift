// SPDX-License-Identifier: Apache-2.0

import Foundation
public import PostgresNIO
import NIOSSL

/// A PostgreSQL database named by a URL: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE]`, or a
/// Unix socket with `?host=/socket/dir` (as libpq reads it).
///
/// `sslmode` is `disable`, `prefer` (the default: TLS when the server offers it) or `require`. The password is
/// never part of ``description``, so a location can be printed in errors and logs.
///
/// Related PostgreSQL documentation: <https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-CONNSTRING>
public struct PostgresLocation: Sendable, CustomStringConvertible {
    /// The client configuration (host or socket, user, password, database, TLS).
    public let configuration: PostgresClient.Configuration
    /// The database name.
    public let database: String
    /// How long an operation waits for a connection before it fails as unreachable: the URL's `connect_timeout`
    /// (seconds, as libpq reads it), 30 seconds by default.
    public let connectTimeout: Duration
    /// `PostgreSQL database 'NAME' at HOST:PORT`, without the password.
    public let description: String

    /// Reads a `postgres://` or `postgresql://` URL.
    ///
    /// - Throws: ``PostgresLocationError`` naming what is wrong with the URL (the password is never quoted).
    public init(url text: String) throws(PostgresLocationError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              ["postgres", "postgresql"].contains(scheme.lowercased()) else {
            throw .notAPostgresURL
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { _, last in last }
        let database = String(components.path.drop(while: { $0 == "/" })).removingPercentEncoding ?? ""
        guard !database.isEmpty else { throw .missingPart("database name (the path)") }
        guard let user = components.user?.removingPercentEncoding ?? query["user"], !user.isEmpty else {
            throw .missingPart("user")
        }
        let password = components.password?.removingPercentEncoding ?? query["password"]
        let tls: PostgresClient.Configuration.TLS
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        case let other: throw .unknownSSLMode(other)
        }
        var configuration: PostgresClient.Configuration
        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            let port = components.port ?? 5432
            configuration = PostgresClient.Configuration(
                unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
            description = "PostgreSQL database '\(database)' at \(socketDirectory)"
        } else {
            guard let host = components.host, !host.isEmpty else { throw .missingPart("host") }
            let port = components.port ?? 5432
            configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password,
                                                         database: database, tls: tls)
            description = "PostgreSQL database '\(database)' at \(host):\(port)"
        }
        var seconds = 30
        if let text = query["connect_timeout"] {
            guard let value = Int(text), (1...3_600).contains(value) else { throw .badConnectTimeout(text) }
            seconds = value
        }
        connectTimeout = .seconds(seconds)
        configuration.options.connectTimeout = .seconds(Int64(min(seconds, 10)))
        // Every statement planned for its own values. A prepared statement's generic plan is made once, from the
        // table sizes of that moment; one made while a table was small kept scanning it whole after it had grown
        // tenfold (the write transaction's read and write, under load).
        configuration.options.additionalStartupParameters = [("plan_cache_mode", "force_custom_plan"), ("random_page_cost", "1.1")]
        self.configuration = configuration
        self.database = database
    }
}
