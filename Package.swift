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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
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
