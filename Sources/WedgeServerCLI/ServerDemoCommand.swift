// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import WedgeCLI
import WedgeCore
import WedgeServer
import WedgeStore

/// `wedge-server demo`: the CTN-0097 sample study served with one account per role.
struct ServerDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Serve the CTN-0097 sample study with one account per role (two site coordinators at two sites).",
        discussion: """
            Creates the sample study (the same as `wedge demo`) in a temporary SQLite file, or in an empty \
            PostgreSQL database with --postgres, makes the accounts, prints the URL and their one-time passwords, \
            and serves until stopped. --accounts-file writes the accounts as JSON (role, site, username, password, \
            and a 30-day API token) for scripts; it is created with owner-only permissions.
            """)

    @Option(help: "The address to listen on, HOST:PORT.")
    var listen: ListenAddress = .default

    @Option(help: "Write the accounts, their passwords and API tokens to this new JSON file.", completion: .file())
    var accountsFile: String?

    @Option(help: "Put the study in this empty PostgreSQL database instead of a temporary SQLite file.")
    var postgres: String?

    @Option(help: "Keep the study in this new SQLite file instead of a temporary one (to serve it again later).",
            completion: .file())
    var db: String?

    /// The demo's accounts: role, site, username.
    static let accounts: [(AccountRole, String?, String)] = [
        (.admin, nil, "admin"), (.dataManager, nil, "datamanager"), (.statistician, nil, "statistician"),
        (.monitor, nil, "monitor"), (.siteCoordinator, "unit-a", "coord-unit-a"),
        (.siteCoordinator, "unit-b", "coord-unit-b"),
    ]

    @Option(help: ArgumentHelp(
        "Pretend today is this date (YYYY-MM-DD), so the sample study runs as if live. Default: its last day of enrollment.",
        valueName: "date"))
    var today: String?

    func validate() throws {
        if let today, CivilDate(iso: today) == nil { throw ValidationError("--today '\(today)' is not a date YYYY-MM-DD.") }
        if let accountsFile, FileManager.default.fileExists(atPath: accountsFile) {
            throw ValidationError("--accounts-file '\(accountsFile)' exists; give a new file.")
        }
        if db != nil, postgres != nil { throw ValidationError("Give --db FILE or --postgres URL, not both.") }
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-server-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = db ?? directory.appendingPathComponent("ctn-0097.sqlite").path
        let count = try SampleStudy.createExample(at: path, scratch: directory.path, actor: "wedge-server demo")
        var engine: any StudyEngine = try StudyStore.openShared(at: path)
        if let postgres {
            let dump = try await engine.dump()
            engine = try await StudyAddress.postgres(url: postgres).restore(dump)
        }
        let schedule = try await engine.fetchSchedule()
        let day = today.flatMap(CivilDate.init(iso:)) ?? schedule.protocol.calendar.endDate
        let service = AccountService(state: engine.serverState, sites: Set(schedule.protocol.sites.map(\.id)))
        var rows: [[String: Any]] = []
        var lines: [String] = []
        for (role, site, username) in Self.accounts {
            let password = Passwords.generate()
            _ = try await service.createUser(username: username, password: password, role: role, site: site)
            let (token, _) = try await service.issueToken(username: username, label: "demo", days: 30)
            rows.append(["role": role.rawValue, "site": site ?? NSNull(), "username": username, "password": password,
                         "token": token])
            lines.append("  \(username.padding(toLength: 14, withPad: " ", startingAt: 0)) \(password)  "
                         + "\(role.rawValue)\(site.map { " at \($0)" } ?? "")")
        }
        if let accountsFile {
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
            guard FileManager.default.createFile(atPath: accountsFile, contents: data + Data("\n".utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw ValidationError("Cannot write --accounts-file '\(accountsFile)'.")
            }
        }
        let banner = """
            The CTN-0097 sample study: \(count) participants, in \(postgres == nil && db == nil ? "a temporary SQLite file" : engine.location).
            Today is \(day.iso) for this demo\(today == nil ? " (the sample study's last day of enrollment; --today to change)" : "").
            Sign in at \(listen.url)/login with one of these accounts (one-time passwords\(accountsFile.map { "; tokens in \($0)" } ?? "")):
            \(lines.joined(separator: "\n"))
            """
        try await ServeCommand.serve(engine, listen: listen, banner: banner, today: day)
    }
}
