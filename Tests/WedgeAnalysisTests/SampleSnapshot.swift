// SPDX-License-Identifier: Apache-2.0

import WedgeCore
import WedgeTestSupport

/// The sample study (CTN-0097 protocol, sample data and screening log, seed `swift-129`), enrolled and screened
/// without a database, with the rules the store applies.
enum SampleSnapshot {
    static let lock = CivilDate(iso: "2026-01-01")!

    static let value: StudySnapshot = {
        let loaded = try! ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml"))
        let schedule = Randomizer.randomize(loaded.protocol, seed: "swift-129")
        let text = try! TestPaths.text("SampleData/ctn-0097-participants.csv")
        let rows = try! ParticipantImport.validate(text, file: "sample.csv", schedule: schedule, today: lock)
        let screening = try! ScreeningFileReader(path: TestPaths.path("SampleData/ctn-0097-screening.csv")).readAll()
        let rules = ScreeningRules(schedule: schedule, today: lock)
        let screenings = screening.map { try! rules.stamp(try! $0.row.get()).get() }.sorted { $0.id < $1.id }
        return StudySnapshot(loadedProtocol: loaded, schedule: schedule, enrollments: rows.map(\.enrollment),
                             dataLockDate: lock, screenings: screenings)
    }()
}
