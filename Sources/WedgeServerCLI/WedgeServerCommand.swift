// SPDX-License-Identifier: Apache-2.0

public import ArgumentParser
import WedgeCore

/// The root `wedge-server` command: administration of shared study databases (and, later, the multi-site service).
public struct WedgeServerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wedge-server",
        abstract: "Serve a Wedge study to several sites, administer its accounts and its database, and move studies between engines.",
        discussion: """
            A study is named by a SQLite file path or a postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE URL \
            (docs/postgresql.md). Exit codes: 0 success; 1 runtime error; 64 usage error.
            """,
        version: WedgeVersion.current,
        subcommands: [ServeCommand.self, ServerDemoCommand.self, UsersCommand.self, TokensCommand.self, MigrateCommand.self,
                      CopyCommand.self, ServerAuditCommand.self, ServerStatusCommand.self]
    )

    public init() {}
}
