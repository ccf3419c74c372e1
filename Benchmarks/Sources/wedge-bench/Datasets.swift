// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore

/// The benchmark datasets: generated once by `wedge-bench generate`, written as CSV into the data folder, and read
/// by both the Wedge tasks and `compare.R`, so the two tools fit exactly the same numbers.
enum Datasets {
    /// A stepped-wedge dataset of a given shape.
    struct Shape {
        var name: String
        /// The period in which each site crosses over (0 = intervention throughout, `periods` = never).
        var crossovers: [Int]
        var periods: Int
        var participants: Int
        var seed: UInt64

        var individualsFile: String { "\(name)-individuals.csv" }
        var cellsFile: String { "\(name)-cells.csv" }
        var analysisFile: String { "\(name)-analysis.csv" }
        var sites: Int { crossovers.count }
        var label: String { "\(participants.formatted()) participants, \(sites) sites × \(periods) periods" }
    }

    /// SWIFT-size: 6 units, 5 periods, 415 participants (CTN-0097 enrolled about 415), and CTN-0097's six distinct
    /// sequences RRRRR, SRRRR, …, SSSSS, so that there are 6! = 720 allocations.
    static let swift = Shape(name: "swift", crossovers: Array(0...5), periods: 5, participants: 415, seed: 20_210_316)
    /// Large: 20 sites × 21 periods (a classic stepped wedge, one site per step), 20,000 participants.
    static let large = Shape(name: "large", crossovers: Array(1...20), periods: 21, participants: 20_000, seed: 97)
    /// Participant files in the import format, simulated from `Protocols/ctn-0097.toml`.
    static let importSizes = [100_000, 1_000_000]

    static func importFile(rows: Int) -> String { "import-\(rows >= 1_000_000 ? "\(rows / 1_000_000)m" : "\(rows / 1000)k").csv" }

    /// Writes every dataset that is missing (or all, with `force`) into `context.data`.
    static func generate(_ context: BenchContext, force: Bool) throws {
        try FileManager.default.createDirectory(atPath: context.data, withIntermediateDirectories: true)
        for shape in [swift, large] {
            let files = [shape.individualsFile, shape.cellsFile, shape.analysisFile].map(context.dataFile)
            if !force && files.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) { continue }
            let data = TrialData.generate(crossovers: shape.crossovers, periods: shape.periods,
                                          participants: shape.participants, seed: shape.seed)
            for (file, text) in zip(files, [data.individualsCSV, data.cellsCSV, data.analysisCSV]) {
                try text.write(toFile: file, atomically: true, encoding: .utf8)
            }
            print("wrote \(files.joined(separator: ", "))")
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
