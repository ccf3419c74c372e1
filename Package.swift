// swift-tools-version:6.1
// SPDX-License-Identifier: Apache-2.0

import PackageDescription

/// Upcoming features every target takes (see docs/STYLE notes in README).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Wedge",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wedge", targets: ["wedge"]),
        .library(name: "WedgeStats", targets: ["WedgeStats"]),
        .library(name: "WedgeCore", targets: ["WedgeCore"]),
        .library(name: "WedgeStore", targets: ["WedgeStore"]),
        .library(name: "WedgeAnalysis", targets: ["WedgeAnalysis"]),
        .library(name: "WedgeCLI", targets: ["WedgeCLI"]),
        .library(name: "WedgeStorePostgres", targets: ["WedgeStorePostgres"]),
        .executable(name: "wedge-server", targets: ["wedge-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The PostgreSQL engine and the server only: `swift run wedge` builds none of these.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The server only.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: - Libraries

        /// Layer 1: pure numerics on plain arrays. No domain types, no I/O.
        .target(
            name: "WedgeStats",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: swiftSettings
        ),
        /// Layer 2: the domain. Protocols, designs, randomization, schedules, simulation.
        .target(
            name: "WedgeCore",
            dependencies: [
                "WedgeStats",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: swiftSettings
        ),
        /// Layer 3: the SQLite study database on GRDB. The only layer that speaks SQL.
        .target(
            name: "WedgeStore",
            dependencies: [
                "WedgeCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for binding bulk inserts directly (PreparedInsert).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        /// Layer 3, second engine: the study database on PostgreSQL (PostgresNIO), for several server instances
        /// sharing one database. Only `wedge-server` and its tests depend on it, so the `wedge` CLI builds no SwiftNIO.
        .target(
            name: "WedgeStorePostgres",
            dependencies: [
                "WedgeCore",
                "WedgeStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        /// Layer 4: study snapshot to estimates, tables and rendered reports.
        .target(
            name: "WedgeAnalysis",
            dependencies: ["WedgeCore", "WedgeStats"],
            swiftSettings: swiftSettings
        ),
        /// Layer 5: the command-line interface, as a library so tests drive it in-process.
        .target(
            name: "WedgeCLI",
            dependencies: [
                "WedgeCore",
                "WedgeStore",
                "WedgeAnalysis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        /// Layer 5: the HTTP service (Hummingbird): accounts, roles and site policies, the JSON API, and the
        /// coordinators' pages (swift-mustache templates, sessions in the study database). Engine-agnostic:
        /// it takes any ``StudyStoring`` with its ``ServerState``; the command line opens the engine.
        .target(
            name: "WedgeServer",
            dependencies: [
                "WedgeCore",
                "WedgeStore",
                "WedgeAnalysis",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The page templates and style sheet, embedded into PageResources.swift by scripts/embed-resources.py
            // so that a `wedge-server` binary copied alone onto the PATH serves its pages.
            exclude: ["Resources"],
            swiftSettings: swiftSettings
        ),
        /// Layer 5: the `wedge-server` commands (serve, demo, users, tokens, migrate, copy, audit verify, status), as a
        /// library so tests drive them in-process.
        .target(
            name: "WedgeServerCLI",
            dependencies: [
                "WedgeCore",
                "WedgeStore",
                "WedgeStorePostgres",
                "WedgeServer",
                "WedgeCLI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        /// The engines a test runs on, and throwaway PostgreSQL databases (`WEDGE_TEST_POSTGRES`), for the store's and the
        /// server's tests.
        .target(
            name: "WedgeTestSupportPostgres",
            dependencies: [
                "WedgeStorePostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        /// Fixtures and builders shared by the test targets.
        .target(
            name: "WedgeTestSupport",
            dependencies: ["WedgeCore"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Executable

        .executableTarget(
            name: "wedge",
            dependencies: ["WedgeCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "wedge-server",
            dependencies: ["WedgeServerCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),

        /// Drives one study database as one client, for the store's concurrency and fault tests and its benchmarks.
        .executableTarget(
            name: "wedge-store-load",
            dependencies: [
                "WedgeCore", "WedgeStore", "WedgeStorePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests

        .testTarget(
            name: "WedgeStatsTests",
            dependencies: ["WedgeStats", "WedgeTestSupport", .product(name: "RealModule", package: "swift-numerics")],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WedgeCoreTests",
            dependencies: ["WedgeCore", "WedgeStats", "WedgeTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WedgeStoreTests",
            dependencies: ["WedgeStore", "WedgeCore", "WedgeTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        /// One conformance suite, run against both engines (PostgreSQL when `WEDGE_TEST_POSTGRES` names a server).
        .testTarget(
            name: "WedgeStoreConformanceTests",
            dependencies: [
                "WedgeStore", "WedgeStorePostgres", "WedgeServerCLI", "WedgeCore", "WedgeTestSupport",
                "WedgeTestSupportPostgres", "wedge-server",
                "wedge-store-load",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        /// The server in-process (HummingbirdTesting): the permission matrix, ETags, idempotency, on both engines.
        .testTarget(
            name: "WedgeServerTests",
            dependencies: [
                "WedgeServer", "WedgeServerCLI", "WedgeStore", "WedgeStorePostgres", "WedgeCore", "WedgeTestSupport",
                "WedgeTestSupportPostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WedgeAnalysisTests",
            dependencies: ["WedgeAnalysis", "WedgeCore", "WedgeTestSupport"],
            exclude: ["Snapshots"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WedgeCLITests",
            dependencies: ["WedgeCLI", "WedgeStore", "WedgeCore", "WedgeStats", "WedgeTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")],
            // Fuzz regression inputs, read from the package root (some are not valid UTF-8 or TOML).
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
