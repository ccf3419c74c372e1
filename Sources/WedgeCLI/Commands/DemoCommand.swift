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
            schedule, creates a study database (temporary unless --db is given), imports the synthetic sample data \
            and its screening log, and prints the summary tables. The protocol and the data are built into wedge, so the demo runs from \
            any folder; --protocol and --data use other files.
            """)

    @Option(help: "Keep the study database in this new file (default: a temporary one, removed afterwards).",
            completion: .file())
    var db: String?

    @Option(help: "The protocol (default: the built-in Protocols/ctn-0097.toml).", completion: .file(extensions: ["toml"]))
    var `protocol`: String?

    @Option(help: "The participant CSV (default: the built-in SampleData/ctn-0097-participants.csv).",
            completion: .file(extensions: ["csv"]))
    var data: String?

    @Option(help: ArgumentHelp(
        "The screening log CSV (default with the built-in data: its log, SampleData/ctn-0097-screening.csv; none with --data).",
        valueName: "file"), completion: .file(extensions: ["csv"]))
    var screening: String?

    @Option(help: "The randomization seed (default: the sample data's seed).")
    var seed: String = SampleStudy.seed

    func run() throws {
        let loaded = try `protocol`.map { try ProtocolLoader.load(path: $0) }
            ?? EmbeddedFiles.loadExample(SampleStudy.example)
        section("1. The protocol")
        print(ProtocolSummary.describe(loaded, path: `protocol` ?? SampleStudy.protocolPath))

        section("2. The randomized, dated schedule")
        let schedule = Randomizer.randomize(loaded.protocol, seed: seed)
        print(TableRenderer.render(ScheduleTables.design(schedule), as: .text))
        print(TableRenderer.render(ScheduleTables.crossovers(schedule), as: .text), terminator: "")

        section("3. The study database")
        let temporary = db == nil
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = db ?? directory.appendingPathComponent("ctn-0097.sqlite").path
        let (store, count, screenings) = try SampleStudy.create(at: path, protocol: loaded, schedule: schedule, data: data,
                                                                screening: screening, scratch: directory)
        print("Imported \(count.participants) participants from \(data ?? SampleStudy.dataPath)" + count.flagSummary + ".")
        if screening != nil || data == nil {
            print("Imported \(screenings) screenings from \(screening ?? SampleStudy.screeningPath).")
        }
        print("Each participant's condition was stamped from the schedule by site and admission date, and each "
              + "screening's by site and screening date.")
        print(temporary ? "The database is temporary; pass --db FILE to keep it." : "The database is at \(path).")

        section("4. Summary tables")
        let snapshot = try store.fetchSnapshot(dataLockDate: CivilDate(iso: SampleStudy.dataLockDate)!)
        for id in ["consort", "screening", "enrollment", "baseline"] where id != "screening" || !snapshot.screenings.isEmpty {
            print(TableRenderer.render(try ReportCatalog.table(id, of: snapshot), as: .text))
        }

        section("5. Analysis")
        let data = AnalysisDataset(snapshot: snapshot)
        let primary = PrimaryAnalysis.run(data)
        let retention = RetentionAnalysis.run(data)
        for table in [PrimaryOutcomeTable.table(primary), AnalysisTables.laterInjections(retention),
                      AnalysisTables.retention(retention)] {
            print(TableRenderer.render(table, as: .text))
        }
        print("Next: `wedge analyze --db FILE --format json` for every estimate, and "
              + "`wedge report --db FILE --format html --out report.html` for the whole report.")
        print("Synthetic data (SampleData/README.md): the numbers illustrate Wedge, not the trial's results.")
    }

    private func section(_ title: String) {
        print("\n== \(title) ==\n")
    }
}
