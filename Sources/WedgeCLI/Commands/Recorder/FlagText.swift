// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore

/// How the recorder commands print review flags.
enum FlagText {
    /// `Flags: none.` or `Flags: deviation, second-injection-outside-window.`
    static func line(_ flags: [OutcomeFlag]) -> String {
        "Flags: " + (flags.isEmpty ? "none" : flags.map(\.rawValue).joined(separator: ", ")) + "."
    }
}
