// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeAnalysis
internal import WedgeCore
internal import WedgeStore

/// `wedge demo`: runs the CTN-0097 (SWIFT) example end to end.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the CTN-0097 (SWIFT) example end to end: protocol, schedule, data, tables.",
        discussion: """
            Loads Protocols/ctn-0097.toml, randomizes the six units with the sample data's seed and prints the dated \
            schedule, creates a study database (temporary unless --db is given), imports the synthetic sample data, \
            and prints the summary tables. Run it from the Wedge folder (or below it).
            """)

    @Option(help: "Keep the study database in this new file (default: a temporary one, removed afterwards).",
            completion: .file())
    var db: String?

    @Option(help: "The protocol (default: Protocols/ctn-0097.toml).", completion: .file(extensions: ["toml"]))
    var `protocol`: String?

    @Option(help: "The participant CSV (default: SampleData/ctn-0097-participants.csv).",
            completion: .file(extensions: ["csv"]))
    var data: String?

    @Option(help: "The randomization seed (default: the sample data's seed).")
    var seed: String = SampleStudy.seed

    func run() throws {
        let root = SampleStudy.packageRoot()
        guard let protocolPath = `protocol` ?? root.map({ $0 + "/" + SampleStudy.protocolPath }),
              let dataPath = data ?? root.map({ $0 + "/" + SampleStudy.dataPath })
        else {
            throw CLIError("Cannot find \(SampleStudy.protocolPath). Run the demo from the Wedge folder, "
                           + "or pass --protocol and --data.")
        }
        let loaded = try ProtocolLoader.load(path: protocolPath)
        section("1. The protocol")
        print(ProtocolSummary.describe(loaded, path: relative(protocolPath, to: root)))

        section("2. The randomized, dated schedule")
        let schedule = Randomizer.randomize(loaded.protocol, seed: seed)
        print(TableRenderer.render(ScheduleTables.design(schedule), as: .text))
        print(TableRenderer.render(ScheduleTables.crossovers(schedule), as: .text), terminator: "")

        section("3. The study database")
        let temporary = db == nil
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-demo-\(UUID().uuidString)")
        let path: String
        if let db {
            path = db
        } else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            path = directory.appendingPathComponent("ctn-0097.sqlite").path
        }
        defer { if temporary { try? FileManager.default.removeItem(at: directory) } }
        let store = try StudyStore.create(at: path, protocol: loaded, schedule: schedule, createdAt: Clock.timestamp())
        let count = try ImportCommand.importFile(dataPath, into: store)
        print("Imported \(count.participants) participants from \(relative(dataPath, to: root))" + count.flagSummary + ".")
        print("Each participant's condition was stamped from the schedule by site and admission date.")
        print(temporary ? "The database is temporary; pass --db FILE to keep it." : "The database is at \(path).")

        section("4. Summary tables")
        let snapshot = try store.fetchSnapshot(dataLockDate: Clock.today())
        for table in [EnrollmentTables.bySitePeriod(snapshot), OutcomeTables.initiationByCondition(snapshot),
                      OutcomeTables.initiationComparison(snapshot)] {
            print(TableRenderer.render(table, as: .text))
        }

        section("5. Analysis")
        let data = AnalysisDataset(snapshot: snapshot)
        let primary = PrimaryAnalysis.run(data)
        let retention = RetentionAnalysis.run(data)
        for table in [AnalysisTables.effects(primary), AnalysisTables.laterInjections(retention),
                      AnalysisTables.retention(retention)] {
            print(TableRenderer.render(table, as: .text))
        }
        print("`wedge analyze --db FILE --format json` gives every estimate; `wedge report` the full report.")
        print("Synthetic data (SampleData/README.md): the numbers illustrate Wedge, not the trial's results.")
    }

    private func section(_ title: String) {
        print("\n== \(title) ==\n")
    }

    private func relative(_ path: String, to root: String?) -> String {
        guard let root, path.hasPrefix(root + "/") else { return path }
        return String(path.dropFirst(root.count + 1))
    }
}
