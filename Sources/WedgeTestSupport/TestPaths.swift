// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// Paths that tests need: the package root, shipped protocols and sample data, build products, scratch folders.
public enum TestPaths {
    /// The package root (the folder holding `Package.swift`), found from this source file's location.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The path of a file relative to the package root, such as `Protocols/ctn-0097.toml`.
    public static func path(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    /// The contents of a file relative to the package root, as UTF-8 text.
    public static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// The folder that holds the built products (the `wedge` executable) of this test run.
    public static var productsDirectory: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.pathComponents.count > 1, url.pathExtension != "xctest", url.lastPathComponent != "debug",
            url.lastPathComponent != "release" {
            url.deleteLastPathComponent()
        }
        return url.pathExtension == "xctest" ? url.deletingLastPathComponent() : url
    }

    /// A new, empty folder under the system's temporary folder.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
