// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeCore
internal import WedgeStore

/// The shipped example study: where its files live (built into wedge, see ``WedgeCore/EmbeddedFiles``), and
/// the seed its sample data were simulated with.
///
/// `SampleData/README.md` records the command that regenerates the data; the demo uses the same seed so that
/// its schedule matches the one the data were simulated under.
package enum SampleStudy {
    /// The built-in example protocol the demo runs (``WedgeCore/EmbeddedFiles``).
    static let example = "ctn-0097"
    /// The protocol, relative to the package root.
    static let protocolPath = "Protocols/ctn-0097.toml"
    /// The participant data, relative to the package root.
    static let dataPath = "SampleData/ctn-0097-participants.csv"
    /// The screening log, relative to the package root: what ``ScreeningLogSimulator`` makes of the sample
    /// participants with ``seed`` (a test checks the committed file against it).
    static let screeningPath = "SampleData/ctn-0097-screening.csv"
    /// The simulation parameters, relative to the package root.
    static let parametersPath = "SampleData/ctn-0097.simulation.toml"
    /// The seed of the sample data (see SampleData/README.md).
    static let seed = "swift-129"
    /// The demo's data-lock date: after the last date in the sample data (2022-09-15), fixed so that the
    /// demo prints the same tables on every day it is run.
    static let dataLockDate = "2023-01-01"

    /// Creates a study database at `path` for `loaded` and `schedule`, and imports `data` (default: the built-in
    /// sample data, written into `scratch` first so that it goes through the same import as a file would) and the
    /// screening log `screening` (default with the built-in data: its log, regenerated from the imported participants
    /// with ``seed``, byte for byte `SampleData/ctn-0097-screening.csv`; none with other data).
    static func create(
        at path: String, protocol loaded: LoadedProtocol, schedule: Schedule, data: String?, screening: String? = nil,
        scratch: URL, actor: String = Clock.actor()
    ) throws -> (store: StudyStore, count: ImportCount, screenings: Int) {
        let dataPath = data ?? scratch.appendingPathComponent("ctn-0097-participants.csv").path
        if data == nil { try EmbeddedFiles.byPath[Self.dataPath]!.write(toFile: dataPath, atomically: false, encoding: .utf8) }
        let store = try StudyStore.create(at: path, protocol: loaded, schedule: schedule, createdAt: Clock.timestamp())
        let count = try ImportCommand.importFile(dataPath, into: store, actor: actor)
        var screeningPath = screening
        if screening == nil && data == nil {
            screeningPath = scratch.appendingPathComponent("ctn-0097-screening.csv").path
            let participants = try store.fetchSnapshot(dataLockDate: CivilDate(iso: dataLockDate)!).enrollments.map(\.record)
            try screeningLog(participants, protocol: loaded.protocol).write(toFile: screeningPath!, atomically: false, encoding: .utf8)
        }
        let screenings = try screeningPath.map { try ScreenImportCommand.importFile($0, into: store, actor: actor) } ?? 0
        return (store, count, screenings)
    }

    /// Creates the built-in example study (protocol, schedule from ``seed``, sample data and screening log) at
    /// `path`; returns how many participants were imported.
    package static func createExample(at path: String, scratch: String, actor: String) throws -> Int {
        let loaded = try EmbeddedFiles.loadExample(example)
        let schedule = Randomizer.randomize(loaded.protocol, seed: seed)
        return try create(at: path, protocol: loaded, schedule: schedule, data: nil, scratch: URL(fileURLWithPath: scratch),
                          actor: actor).count.participants
    }

    /// The sample study's screening log for `participants`, as CSV.
    static func screeningLog(_ participants: [ParticipantRecord], protocol proto: StudyProtocol) -> String {
        ScreeningLogSimulator.csv(ScreeningLogSimulator(protocol: proto, seed: seed).run(participants: participants))
    }
}
