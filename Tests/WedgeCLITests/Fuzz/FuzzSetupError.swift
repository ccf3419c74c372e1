// SPDX-License-Identifier: Apache-2.0

/// The fuzz workspace could not be made: a command that should succeed failed.
struct FuzzSetupError: Error, CustomStringConvertible {
    let command: [String]
    let stderr: String
    var description: String { "wedge \(command.joined(separator: " ")) failed: \(stderr)" }
}
