// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeTestSupport

@Suite("Simulator")
struct TrialSimulatorTests {
    static let proto = try! ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml")).protocol

    @Test("The same protocol, parameters and seed give byte-identical CSV; another seed does not")
    func reproducible() {
        let params = SimulationParameters.defaults(for: Self.proto)
        let format = ParticipantCSVFormat(protocol: Self.proto)
        let a = format.document(TrialSimulator(protocol: Self.proto, seed: "42", parameters: params).run())
        let b = format.document(TrialSimulator(protocol: Self.proto, seed: "42", parameters: params).run())
        let c = format.document(TrialSimulator(protocol: Self.proto, seed: "43", parameters: params).run())
        #expect(a == b)
        #expect(a != c)
    }

    @Test("Regenerating the sample data gives the committed bytes")
    func sampleData() throws {
        let parametersText = try TestPaths.text("SampleData/ctn-0097.simulation.toml")
        let params = try SimulationParameters.defaults(for: Self.proto)
            .applying(parametersText, file: "ctn-0097.simulation.toml", protocol: Self.proto)
        let records = TrialSimulator(protocol: Self.proto, seed: "swift-129", parameters: params).run()
        let regenerated = ParticipantCSVFormat(protocol: Self.proto).document(records)
        let committed = try TestPaths.text("SampleData/ctn-0097-participants.csv")
        #expect(regenerated == committed)
    }

    @Test("Simulated data import cleanly under the schedule of the same seed")
    func importsCleanly() throws {
        let params = SimulationParameters.defaults(for: Self.proto)
        let simulator = TrialSimulator(protocol: Self.proto, seed: "9", parameters: params)
        let text = ParticipantCSVFormat(protocol: Self.proto).document(simulator.run())
        let rows = try ParticipantImport.validate(text, file: "sim.csv", schedule: Randomizer.randomize(Self.proto, seed: "9"),
                                                  today: CivilDate(iso: "2026-01-01")!)
        #expect(rows.count > 300)
        #expect(rows.allSatisfy { $0.flags.isEmpty })
    }

    /// Pools 10 fixed seeds with 5× enrollment and no site effect, and checks each parameter is recovered
    /// within 4 standard errors (a false alarm about once in 16,000 checks).
    @Test("Output reproduces the parameters within sampling error")
    func recoversParameters() {
        var params = SimulationParameters.defaults(for: Self.proto)
        params.siteSD = 0
        params.enrollment = params.enrollment.mapValues { $0 * 5 }
        params.initiation = ["standard": 0.30, "rapid": 0.70]
        params.secondInjection = ["standard": 0.5, "rapid": 0.6]
        params.thirdInjection = ["standard": 0.8, "rapid": 0.65]
        params.dropoutHazard = 0.02
        var n: [String: Int] = [:], initiated: [String: Int] = [:], second: [String: Int] = [:], third: [String: Int] = [:]
        var bySite: [String: Int] = [:]
        var exposure = 0.0, dropouts = 0
        var sexMale = 0, total = 0
        let seeds = (1...10).map { "recover-\($0)" }
        for seed in seeds {
            for r in TrialSimulator(protocol: Self.proto, seed: seed, parameters: params).run() {
                let o = r.outcome
                let c = o.procedureReceived!
                n[c, default: 0] += 1
                bySite[r.siteID, default: 0] += 1
                total += 1
                if r.baseline["sex"] == "male" { sexMale += 1 }
                guard let first = o.firstInjectionDate else { continue }
                initiated[c, default: 0] += 1
                let days = r.admissionDate.days(to: first)
                #expect(params.daysToFirstInjection[c]!.contains(days) || first == o.inductionStartDate)
                var last = first
                if let s = o.secondInjectionDate {
                    second[c, default: 0] += 1
                    last = s
                    if let t = o.thirdInjectionDate { third[c, default: 0] += 1; last = t }
                }
                // Dropout: exponential time after the last injection, censored at follow-up.
                let end = o.dropoutDate ?? o.lastContactDate!
                exposure += Double(last.days(to: end))
                if o.dropoutDate != nil { dropouts += 1 }
            }
        }
        func within(_ x: Int, of n: Int, p: Double) -> Bool {
            abs(Double(x) / Double(n) - p) < 4 * (p * (1 - p) / Double(n)).squareRoot()
        }
        for c in ["standard", "rapid"] {
            #expect(within(initiated[c]!, of: n[c]!, p: params.initiation[c]!), "initiation \(c)")
            #expect(within(second[c]!, of: initiated[c]!, p: params.secondInjection[c]!), "second \(c)")
            #expect(within(third[c]!, of: second[c]!, p: params.thirdInjection[c]!), "third \(c)")
        }
        // Enrollment: Poisson totals per site, mean = expected enrollment × seeds.
        for site in Self.proto.sites {
            let mean = params.enrollment[site.id]! * Double(seeds.count)
            #expect(abs(Double(bySite[site.id]!) - mean) < 4 * mean.squareRoot(), "enrollment \(site.id)")
        }
        // Dropout hazard: events / exposure; days are rounded up, so allow the discretization (about half a day
        // per event) on top of 4 standard errors of the MLE (λ/√events).
        let hazard = Double(dropouts) / exposure
        let discretized = Double(dropouts) / (exposure - 0.5 * Double(dropouts))
        #expect(min(abs(hazard - 0.02), abs(discretized - 0.02)) < 4 * 0.02 / Double(dropouts).squareRoot())
        // Neutral covariate default: sex levels equally weighted on average over sites.
        #expect(abs(Double(sexMale) / Double(total) - 0.5) < 0.1)
    }

    @Test("The site random effect has the SD asked for")
    func siteSD() {
        var params = SimulationParameters.defaults(for: Self.proto)
        params.siteSD = 0.8
        params.enrollment = params.enrollment.mapValues { _ in 600 }
        let p0 = params.initiation["standard"]!
        var effects: [Double] = []
        for seed in (1...20).map({ "sd-\($0)" }) {
            var x: [String: Int] = [:], n: [String: Int] = [:]
            for r in TrialSimulator(protocol: Self.proto, seed: seed, parameters: params).run()
            where r.outcome.procedureReceived == "standard" && r.admissionDate < Self.proto.calendar.start(ofPeriod: 1) {
                n[r.siteID, default: 0] += 1
                if r.outcome.firstInjectionDate != nil { x[r.siteID, default: 0] += 1 }
            }
            for (site, count) in n where count >= 60 {
                let p = (Double(x[site] ?? 0) + 0.5) / (Double(count) + 1)
                effects.append(log(p / (1 - p)) - log(p0 / (1 - p0)))
            }
        }
        let mean = effects.reduce(0, +) / Double(effects.count)
        let sd = (effects.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(effects.count - 1)).squareRoot()
        // About 100 site effects, each measured with logit noise SD ≈ 0.3: expect sqrt(0.64 + 0.09) ≈ 0.85.
        #expect(effects.count >= 80)
        #expect(sd > 0.65 && sd < 1.05, "site SD \(sd)")
    }

    @Test("A parameters file overrides defaults; bad entries are errors with lines")
    func parametersFile() throws {
        let defaults = SimulationParameters.defaults(for: Self.proto)
        let good = "site_sd = 0.25\n[initiation]\nrapid = 0.9\n[covariates.age]\nmean = 40\n"
        let applied = try defaults.applying(good, file: "p.toml", protocol: Self.proto)
        #expect(applied.siteSD == 0.25 && applied.initiation["rapid"] == 0.9 && applied.initiation["standard"] == 0.358)
        if case .number(let mean, _, _, _)? = applied.covariates["age"] { #expect(mean == 40) } else { Issue.record("age") }
        let bad = "site_sd = 0.25\n[initiation]\nrapid = 1.5\nfast = 0.2\n"
        let error = try #require(throws: ProtocolError.self) { try defaults.applying(bad, file: "p.toml", protocol: Self.proto) }
        #expect(Set(error.issues.map(\.field)) == ["initiation.rapid", "initiation.fast"])
        #expect(error.issues.first { $0.field == "initiation.rapid" }?.line == 3)
        let typo = "site_dd = 0.25\n"
        let typoError = try #require(throws: ProtocolError.self) { try defaults.applying(typo, file: "p.toml", protocol: Self.proto) }
        #expect(typoError.issues.first?.expected == "Did you mean 'site_sd'?")
    }

    @Test("Printed parameters read back to the same values")
    func printedRoundTrip() throws {
        let params = SimulationParameters.defaults(for: Self.proto)
        let text = params.tomlText(for: Self.proto)
        #expect(try params.applying(text, file: "p.toml", protocol: Self.proto) == params)
        var other = params
        other.siteSD = 0.123
        #expect(try params.applying(other.tomlText(for: Self.proto), file: "p.toml", protocol: Self.proto) == other)
    }
}
