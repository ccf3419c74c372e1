// SPDX-License-Identifier: Apache-2.0

import WedgeCore

/// Schedule generation and verification at scale, and constrained enumeration for CTN-0097.
enum ScheduleBenchmarks {
    /// A stepped wedge of `sites` sites, `perStep` per step, no leading all-control period.
    static func protocolText(sites: Int, perStep: Int) -> String {
        var text = """
            [study]
            id = "bench-\(sites)"
            title = "Benchmark"
            [[conditions]]
            id = "standard"
            code = "S"
            label = "Standard"
            description = "Control"
            control = true
            [[conditions]]
            id = "rapid"
            code = "R"
            label = "Rapid"
            description = "Intervention"

            """
        for s in 0..<sites {
            text += "[[sites]]\nid = \"s\(s)\"\nname = \"Site \(s)\"\ncovariates = { expected_enrollment = \(20 + s % 17) }\n"
        }
        text += """
            [calendar]
            start_date = 2025-01-06
            period_weeks = 2
            [design]
            sites_per_step = \(perStep)
            leading_control_periods = 0
            [outcomes]
            initiation = "first injection"
            second_injection_window_days = [21, 42]
            third_injection_window_days = [21, 42]
            retention_follow_up_days = 60
            non_initiation_reasons = [{ id = "other", label = "Other" }]

            """
        return text
    }

    static func run() throws -> [Stopwatch.Result] {
        let big = try ProtocolLoader.parse(protocolText(sites: 1000, perStep: 20), file: "bench.toml")
        let digest = "0"
        let generate = Stopwatch.measure("Schedule: generate 1,000 sites × 50 periods (with JSON)", repetitions: 10) {
            let schedule = Randomizer.randomize(big, seed: "bench")
            _ = schedule.jsonDocument(protocolDigest: digest).serialized(pretty: true)
        }
        let loaded = LoadedProtocol(protocol: big, text: "", digest: digest)
        let sealed = Randomizer.randomize(big, seed: "bench").jsonDocument(protocolDigest: digest).serialized(pretty: true)
        let verify = try Stopwatch.measure("Schedule: verify 1,000 sites × 50 periods", repetitions: 10) {
            _ = try ScheduleVerifier.verify(sealedText: sealed, file: "sealed.json", protocol: loaded)
        }
        var ctn = try ProtocolLoader.load(path: "../Protocols/ctn-0097.toml").protocol
        ctn.randomization = RandomizationSettings(method: .constrained, balanceCovariates: ["expected_enrollment"],
                                                  admissibleFraction: 0.1)
        let enumerate = Stopwatch.measure("Schedule: ctn-0097 constrained, 720 allocations scored", repetitions: 50) {
            _ = Randomizer.randomize(ctn, seed: "bench")
        }
        let twelve = try ProtocolLoader.load(path: "../Protocols/general-sw-12x7.toml").protocol
        let sampled = Stopwatch.measure("Schedule: 12 sites constrained, 100,000 sampled candidates", repetitions: 3) {
            _ = Randomizer.randomize(twelve, seed: "bench")
        }
        return [generate, verify, enumerate, sampled]
    }
}
