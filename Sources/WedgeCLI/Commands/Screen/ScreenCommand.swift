// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser

/// `wedge screen`: the screening log: people assessed for eligibility, with the condition in effect stamped from
/// the schedule.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Record, list, import, link and correct the screening log (people assessed for eligibility).",
        subcommands: [ScreenAddCommand.self, ScreenListCommand.self, ScreenImportCommand.self, ScreenLinkCommand.self,
                      ScreenCorrectCommand.self, ScreenDeleteCommand.self])
}
