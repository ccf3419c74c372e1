// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore

/// What an import stored: the participants and how many carry each review flag.
struct ImportCount {
    let participants: Int
    let flags: [OutcomeFlag: Int]

    /// `""`, or `"; flagged for review: 3 deviation, 1 second-injection-outside-window"`.
    var flagSummary: String {
        let parts = OutcomeFlag.allCases.compactMap { flag in flags[flag].map { "\($0) \(flag.rawValue)" } }
        return parts.isEmpty ? "" : "; flagged for review: " + parts.joined(separator: ", ")
    }
}
