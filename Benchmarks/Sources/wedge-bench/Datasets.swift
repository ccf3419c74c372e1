// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore

/// The benchmark datasets: generated once by `wedge-bench generate`, written as CSV into the data folder, and read
/// by both the Wedge tasks and `compare.R`, so the two tools fit exactly the same numbers.
enum Datasets {
    /// A stepped-wedge dataset of a given shape.
    struct Shape {
        var name: String
        var sites: Int
        var periods: Int
        var participants: Int
        var seed: UInt64

        var individualsFile: String { "\(name)-individuals.csv" }
        var cellsFile: String { "\(name)-cells.csv" }
        var label: String { "\(participants.formatted()) participants, \(sites) sites × \(periods) periods" }
    }

    /// SWIFT-size: 6 units, 5 periods, 415 participants (CTN-0097 enrolled about 415).
    static let swift = Shape(name: "swift", sites: 6, periods: 5, participants: 415, seed: 20_210_316)
    /// Large: 20 sites × 21 periods (one site per step), 20,000 participants.
    static let large = Shape(name: "large", sites: 20, periods: 21, participants: 20_000, seed: 97)
    /// Participant files in the import format, simulated from `Protocols/ctn-0097.toml`.
    static let importSizes = [100_000, 1_000_000]

    static func importFile(rows: Int) -> String { "import-\(rows >= 1_000_000 ? "\(rows / 1_000_000)m" : "\(rows / 1000)k").csv" }

    /// Writes every dataset that is missing (or all, with `force`) into `context.data`.
    static func generate(_ context: BenchContext, force: Bool) throws {
        try FileManager.default.createDirectory(atPath: context.data, withIntermediateDirectories: true)
        for shape in [swift, large] {
            let individuals = context.dataFile(shape.individualsFile), cells = context.dataFile(shape.cellsFile)
            if !force && FileManager.default.fileExists(atPath: individuals) && FileManager.default.fileExists(atPath: cells) {
                continue
            }
            let data = TrialData.generate(sites: shape.sites, periods: shape.periods, participants: shape.participants,
                                          seed: shape.seed)
            try data.individualsCSV.write(toFile: individuals, atomically: true, encoding: .utf8)
            try data.cellsCSV.write(toFile: cells, atomically: true, encoding: .utf8)
            print("wrote \(individuals) and \(cells)")
        }
        let loaded = try ProtocolLoader.load(path: context.repoFile("Protocols/ctn-0097.toml"))
        for rows in importSizes {
            let path = context.dataFile(importFile(rows: rows))
            if !force && FileManager.default.fileExists(atPath: path) { continue }
            var params = SimulationParameters.defaults(for: loaded.protocol)
            params.enrollment = params.enrollment.mapValues { $0 * Double(rows) / 415 }
            let records = TrialSimulator(protocol: loaded.protocol, seed: "bench", parameters: params).run()
            try ParticipantCSVFormat(protocol: loaded.protocol).document(records)
                .write(toFile: path, atomically: true, encoding: .utf8)
            print("wrote \(path) (\(records.count) participants)")
        }
    }
}
