// swift-tools-version:6.1
// SPDX-License-Identifier: Apache-2.0

import Foundation
import PackageDescription

// The Wedge package one folder up. SwiftPM names a path dependency after its folder, which differs between
// clones, so the name is read from the path.
let wedge = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "WedgeBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        // Only for the CSV-reading comparison (`csv-read-100k-csvswift`); Wedge itself does not use it.
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "wedge-bench",
            dependencies: [
                .product(name: "WedgeCore", package: wedge),
                .product(name: "WedgeStats", package: wedge),
                .product(name: "WedgeStore", package: wedge),
                .product(name: "WedgeAnalysis", package: wedge),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
    ]
)
