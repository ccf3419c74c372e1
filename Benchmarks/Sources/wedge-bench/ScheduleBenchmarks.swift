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

    static var tasks: [BenchTask] {
        [
            BenchTask(id: "schedule-generate-1000", title: "Schedule: generate, with JSON",
                      size: "1,000 sites × 50 periods") { context in
                let big = try ProtocolLoader.parse(protocolText(sites: 1000, perStep: 20), file: "bench.toml")
                return TaskResult(Stopwatch.measure(budget: context.budget) {
                    let schedule = Randomizer.randomize(big, seed: "bench")
                    _ = schedule.jsonDocument(protocolDigest: "0").serialized(pretty: true)
                })
            },
            BenchTask(id: "schedule-verify-1000", title: "Schedule: verify a sealed schedule",
                      size: "1,000 sites × 50 periods") { context in
                let big = try ProtocolLoader.parse(protocolText(sites: 1000, perStep: 20), file: "bench.toml")
                let loaded = LoadedProtocol(protocol: big, text: "", digest: "0")
                let sealed = Randomizer.randomize(big, seed: "bench").jsonDocument(protocolDigest: "0").serialized(pretty: true)
                return try TaskResult(Stopwatch.measure(budget: context.budget) {
                    _ = try ScheduleVerifier.verify(sealedText: sealed, file: "sealed.json", protocol: loaded)
                })
            },
            BenchTask(id: "schedule-constrained-720", title: "Schedule: constrained randomization, every allocation scored",
                      size: "ctn-0097, 6 sites, 720 allocations") { context in
                var ctn = try ProtocolLoader.load(path: context.repoFile("Protocols/ctn-0097.toml")).protocol
                ctn.randomization = RandomizationSettings(method: .constrained, balanceCovariates: ["expected_enrollment"],
                                                          admissibleFraction: 0.1)
                return TaskResult(Stopwatch.measure(budget: context.budget) { _ = Randomizer.randomize(ctn, seed: "bench") })
            },
            BenchTask(id: "schedule-constrained-sampled", title: "Schedule: constrained randomization, sampled candidates",
                      size: "general-sw-12x7, 12 sites, 100,000 candidates") { context in
                let twelve = try ProtocolLoader.load(path: context.repoFile("Protocols/general-sw-12x7.toml")).protocol
                return TaskResult(Stopwatch.measure(minimumRuns: 3, budget: context.budget) {
                    _ = Randomizer.randomize(twelve, seed: "bench")
                })
            },
        ]
    }
}
