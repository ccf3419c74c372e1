// SPDX-License-Identifier: Apache-2.0

import WedgeCore
import WedgeTestSupport

/// The sample study (CTN-0097 protocol, sample data, seed `swift-129`), enrolled without a database.
enum SampleSnapshot {
    static let lock = CivilDate(iso: "2026-01-01")!

    static let value: StudySnapshot = {
        let loaded = try! ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml"))
        let schedule = Randomizer.randomize(loaded.protocol, seed: "swift-129")
        let text = try! TestPaths.text("SampleData/ctn-0097-participants.csv")
        let rows = try! ParticipantImport.validate(text, file: "sample.csv", schedule: schedule, today: lock)
        return StudySnapshot(loadedProtocol: loaded, schedule: schedule, enrollments: rows.map(\.enrollment),
                             dataLockDate: lock)
    }()
}
