// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// Where the shipped example study lives, and the seed its sample data were simulated with.
///
/// `SampleData/README.md` records the command that regenerates the data; the demo uses the same seed so that
/// its schedule matches the one the data were simulated under.
enum SampleStudy {
    /// The protocol, relative to the package root.
    static let protocolPath = "Protocols/ctn-0097.toml"
    /// The participant data, relative to the package root.
    static let dataPath = "SampleData/ctn-0097-participants.csv"
    /// The simulation parameters, relative to the package root.
    static let parametersPath = "SampleData/ctn-0097.simulation.toml"
    /// The seed of the sample data (see SampleData/README.md).
    static let seed = "swift-129"
    /// The demo's data-lock date: after the last date in the sample data (2022-09-15), fixed so that the
    /// demo prints the same tables on every day it is run.
    static let dataLockDate = "2023-01-01"

    /// The package root: the current directory or the nearest parent that holds `protocolPath`.
    static func packageRoot() -> String? {
        var url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(protocolPath).path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return nil
    }
}
