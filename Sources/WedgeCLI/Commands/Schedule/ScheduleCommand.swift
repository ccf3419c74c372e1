// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser

/// `wedge schedule …`: generate, seal, reveal and verify the randomized schedule.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Randomize sites to dated crossover steps; seal, reveal and verify the schedule.",
        discussion: """
            The same protocol and seed always give the same schedule; docs/randomization.md specifies the algorithm \
            byte by byte. Typical use: the statistician runs `seal` with a secure seed and publishes the commitment; \
            site staff get `reveal --as-of DATE`; anyone runs `verify` after the trial.
            """,
        subcommands: [ScheduleGenerateCommand.self, ScheduleSealCommand.self, ScheduleRevealCommand.self,
                      ScheduleVerifyCommand.self],
        defaultSubcommand: ScheduleGenerateCommand.self)
}
