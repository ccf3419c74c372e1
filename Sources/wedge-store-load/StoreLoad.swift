// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import WedgeCore
import WedgeStore
import WedgeStorePostgres

/// `wedge-store-load`: drives one study database as one client, for the concurrency and fault tests and the store
/// benchmarks (`Benchmarks/store-bench.sh`). Not a user command: `wedge` and `wedge-server` are.
///
/// - `init --store ADDR --protocol FILE --seed SEED`: a new study (SQLite path or postgres:// URL).
/// - `enroll --store ADDR --count N --prefix P [--acks FILE]`: N enrollments one after the other, each its own
///   transaction; every acknowledged id is appended to FILE (flushed) only after its call returned.
/// - `import --store ADDR --rows N --prefix P`: N participants in one all-or-nothing import.
/// - `snapshot --store ADDR [--repeat K]`: reads the analysis snapshot K times.
///
/// Each prints one line of JSON with the counts and timings.
@main
struct StoreLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wedge-store-load",
        abstract: "Drive a study database as one client (tests and benchmarks).",
        subcommands: [Initialize.self, Enroll.self, Import.self, Snapshot.self])

    /// The date every generated record is checked against.
    static let today = CivilDate(iso: "2023-01-01")!

    /// A synthetic, valid participant: admitted on a day of the study chosen from `k`, at one of the sites.
    static func record(_ id: String, k: Int, sites: [String]) -> ParticipantRecord {
        let admission = CivilDate(iso: "2021-03-20")!.adding(days: (k * 7) % 480)
        return ParticipantRecord(
            id: id, siteID: sites[k % sites.count], admissionDate: admission,
            baseline: ["age": String(20 + k % 40), "sex": k % 2 == 0 ? "female" : "male", "insured": "yes",
                       "opioid_days_30": "28"],
            outcome: InductionOutcome(inductionStartDate: admission.adding(days: 1)))
    }

    static func open(_ address: String) async throws -> any StudyEngine {
        address.lowercased().hasPrefix("postgres") ? try await PostgresStudyStore.open(url: address)
            : try StudyStore.open(at: address)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    struct Initialize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "init")
        @Option var store: String
        @Option var `protocol`: String
        @Option var seed = "load"

        func run() async throws {
            let loaded = try ProtocolLoader.load(path: `protocol`)
            let schedule = Randomizer.randomize(loaded.protocol, seed: seed)
            if store.lowercased().hasPrefix("postgres") {
                try await PostgresStudyStore.create(url: store, protocol: loaded, schedule: schedule,
                                                    createdAt: "2024-05-01T09:30:00Z").close()
            } else {
                _ = try StudyStore.create(at: store, protocol: loaded, schedule: schedule, createdAt: "2024-05-01T09:30:00Z")
            }
        }
    }

    struct Enroll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enroll")
        @Option var store: String
        @Option var count: Int
        @Option var prefix: String
        @Option var acks: String?

        func run() async throws {
            let study = try await StoreLoad.open(store)
            let sites = try await study.fetchSchedule().protocol.sites.map(\.id)
            let log = acks.map { path -> FileHandle in
                _ = FileManager.default.createFile(atPath: path, contents: nil)
                return FileHandle(forWritingAtPath: path)!
            }
            var latencies: [Double] = []
            var failures = 0
            let clock = ContinuousClock()
            let start = clock.now
            for k in 0..<count {
                let id = "\(prefix)-\(k)"
                let began = clock.now
                do {
                    _ = try await study.enroll(StoreLoad.record(id, k: k, sites: sites), actor: "load-\(prefix)",
                                               today: StoreLoad.today)
                    latencies.append(StoreLoad.milliseconds(clock.now - began))
                    log?.write(Data((id + "\n").utf8))
                } catch {
                    failures += 1
                    FileHandle.standardError.write(Data("\(id): \(error.localizedDescription)\n".utf8))
                }
            }
            let seconds = StoreLoad.milliseconds(clock.now - start) / 1_000
            await study.close()
            latencies.sort()
            func percentile(_ p: Double) -> Double {
                latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(p * Double(latencies.count)))]
            }
            print(#"{"mode":"enroll","acknowledged":\#(latencies.count),"failed":\#(failures),"seconds":\#(seconds),"#
                  + #""per_second":\#(Double(latencies.count) / seconds),"p50_ms":\#(percentile(0.5)),"#
                  + #""p99_ms":\#(percentile(0.99))}"#)
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import")
        @Option var store: String
        @Option var rows: Int
        @Option var prefix = "IMP"

        func run() async throws {
            let study = try await StoreLoad.open(store)
            let schedule = try await study.fetchSchedule()
            let rules = ParticipantRules(schedule: schedule, today: StoreLoad.today)
            let sites = schedule.protocol.sites.map(\.id)
            let batch = try (0..<rows).map { k in
                let enrollment = try rules.enroll(StoreLoad.record("\(prefix)-\(k)", k: k, sites: sites)).get()
                return (enrollment: enrollment, flags: rules.flags(enrollment))
            }
            let clock = ContinuousClock()
            let start = clock.now
            let result = try await study.importParticipants(batch, source: "load", actor: "load", mode: .allOrNothing)
            let seconds = StoreLoad.milliseconds(clock.now - start) / 1_000
            await study.close()
            print(#"{"mode":"import","stored":\#(result.stored),"seconds":\#(seconds)}"#)
        }
    }

    struct Snapshot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "snapshot")
        @Option var store: String
        @Option var `repeat` = 5

        func run() async throws {
            let study = try await StoreLoad.open(store)
            let clock = ContinuousClock()
            var times: [Double] = []
            var participants = 0
            for _ in 0..<`repeat` {
                let start = clock.now
                participants = try await study.fetchSnapshot(dataLockDate: StoreLoad.today).enrollments.count
                times.append(StoreLoad.milliseconds(clock.now - start))
            }
            await study.close()
            print(#"{"mode":"snapshot","participants":\#(participants),"best_ms":\#(times.min() ?? 0),"#
                  + #""median_ms":\#(times.sorted()[times.count / 2])}"#)
        }
    }
}
