// SPDX-License-Identifier: Apache-2.0

public import ArgumentParser
internal import WedgeCore

/// The root `wedge` command.
public struct WedgeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wedge",
        abstract: "Run a stepped-wedge cluster randomized trial: protocol, schedule, data, analysis, report.",
        discussion: """
            Start with `wedge demo`, which runs the CTN-0097 (SWIFT) example end to end.

            Exit codes: 0 success; 1 runtime error (bad file, failed validation, database error);
            64 usage error (unknown option, missing argument).
            """,
        version: WedgeVersion.current,
        subcommands: [
            DemoCommand.self, CheckCommand.self, ScheduleCommand.self, SimulateCommand.self, InitCommand.self,
            PowerCommand.self, ImportCommand.self,
            EnrollCommand.self, RecordCommand.self, AdverseEventCommand.self, CorrectCommand.self, DeleteCommand.self,
            ScreenCommand.self,
            AuditCommand.self, ExportCommand.self, StatusCommand.self, QueriesCommand.self,
            AnalyzeCommand.self, ReportCommand.self,
        ]
    )

    public init() {}
}
