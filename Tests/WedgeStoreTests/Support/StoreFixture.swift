// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeTestSupport
@testable import WedgeStore

/// Where a test's store lives: every behaviour is checked in memory and in a WAL file.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case file

    var testDescription: String { rawValue }
}

/// A protocol, a schedule drawn with a fixed seed, hand-made participants, and fresh stores.
enum StoreFixture {
    /// The package root: this file is `Tests/WedgeStoreTests/Support/StoreFixture.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let seed = "wedge-store-tests"
    static let createdAt = "2024-05-01T09:30:00Z"
    static let today = date("2023-01-01")

    /// The shipped CTN-0097 protocol.
    static func loaded() throws -> LoadedProtocol {
        try ProtocolLoader.load(path: packageRoot.appendingPathComponent("Protocols/ctn-0097.toml").path)
    }

    /// CTN-0097 with a two-week transition window excluded from the primary analysis.
    static func loadedWithTransition() throws -> LoadedProtocol {
        let text = try loaded().text
            .replacingOccurrences(of: "weeks = 0\ninclude_in_primary = true", with: "weeks = 2\ninclude_in_primary = false")
        let proto = try ProtocolLoader.parse(text, file: "inline")
        return LoadedProtocol(protocol: proto, text: text, digest: Digest.sha256Hex(of: Data(text.utf8)))
    }

    static func schedule(for loaded: LoadedProtocol) -> Schedule {
        Randomizer.randomize(loaded.protocol, seed: seed)
    }

    /// A new empty study of `kind`, with the directory that holds it (kept alive by the caller).
    static func makeStore(_ kind: StoreKind, loaded: LoadedProtocol? = nil) throws -> (StudyStore, TemporaryDirectory?) {
        let loaded = try loaded ?? self.loaded()
        switch kind {
        case .memory:
            return (try StudyStore.create(at: nil, protocol: loaded, schedule: schedule(for: loaded), createdAt: createdAt), nil)
        case .file:
            let directory = try TemporaryDirectory()
            let store = try StudyStore.create(at: directory.path("study.wedge"), protocol: loaded,
                                              schedule: schedule(for: loaded), createdAt: createdAt)
            return (store, directory)
        }
    }

    static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    /// The site following sequence `index` in the fixture schedule.
    static func site(sequence index: Int, in schedule: Schedule) -> String {
        schedule.assignments.first { $0.sequenceIndex == index }!.siteID
    }

    /// A complete, valid record: admitted, inducted, injected three times within the windows.
    static func record(_ id: String, site: String = "unit-a", admitted: String = "2021-04-01") -> ParticipantRecord {
        SampleRecords.complete(id, site: site, admitted: admitted)
    }

    /// A record that never initiated.
    static func nonInitiator(_ id: String, site: String = "unit-b", admitted: String = "2021-09-01") -> ParticipantRecord {
        let admission = date(admitted)
        return ParticipantRecord(
            id: id, siteID: site, admissionDate: admission, baseline: ["age": "51", "sex": "male"],
            outcome: InductionOutcome(inductionStartDate: admission, procedureReceived: "rapid",
                                      notInitiatedReason: "declined-injection", dischargeDate: admission.adding(days: 4),
                                      lastContactDate: admission.adding(days: 4), dropoutDate: admission.adding(days: 4)))
    }

    /// Enrolls records with the rules, as `wedge import` does.
    static func enroll(_ records: [ParticipantRecord], schedule: Schedule) throws -> [(enrollment: Enrollment, flags: [OutcomeFlag])] {
        try SampleRecords.enroll(records, schedule: schedule, today: today)
    }

    /// Three ordinary participants at different sites and periods, one of them a non-initiator.
    static func threeParticipants(_ schedule: Schedule) throws -> [(enrollment: Enrollment, flags: [OutcomeFlag])] {
        try enroll([record("P003", site: "unit-c", admitted: "2022-02-01"), record("P001"), nonInitiator("P002")],
                   schedule: schedule)
    }
}

/// A unique directory under the system temporary directory, removed when released.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
