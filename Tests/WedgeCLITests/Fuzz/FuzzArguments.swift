// SPDX-License-Identifier: Apache-2.0

import WedgeStats
import WedgeTestSupport

/// Seeded random command lines: a valid command of every kind, with tokens replaced, deleted, inserted or
/// repeated. `DB` stands for a copy of the enrolled study.
enum FuzzArguments {
    static let bases: [[String]] = {
        let p = TestPaths.path("Protocols/ctn-0097.toml")
        return [
            ["check", p],
            ["schedule", "generate", "--protocol", p, "--seed", "7", "--format", "json"],
            ["schedule", "reveal", "--db", "DB", "--as-of", "2021-06-01"],
            ["simulate", "--protocol", p, "--seed", "3", "--enrollment-scale", "0.1"],
            ["power", "--protocol", p, "--p0", "0.36", "--p1", "0.63", "--icc", "0.05", "--per-cluster-period", "14"],
            ["enroll", "X1", "--db", "DB", "--site", "unit-a", "--admitted", "2021-04-01", "--baseline", "age=34"],
            ["record", "unit-a-001", "--db", "DB", "--induction-start", "2021-03-20", "--first-injection", "2021-03-27"],
            ["correct", "unit-a-002", "age", "40", "--db", "DB", "--reason", "typo"],
            ["ae", "unit-a-003", "--db", "DB", "--date", "2021-04-02", "--description", "nausea"],
            ["delete", "unit-a-004", "--db", "DB", "--reason", "duplicate"],
            ["status", "--db", "DB"], ["export", "--db", "DB", "--format", "csv"],
            ["audit", "verify", "--db", "DB"], ["audit", "log", "--db", "DB"],
            ["analyze", "--db", "DB", "--no-permutation", "--as-of", "2023-01-01"],
            ["report", "consort", "--db", "DB", "--format", "text"],
            ["--version"], ["help", "import"],
        ]
    }()

    static let tokens = FuzzMutator.junk + ["--db", "--format", "--seed", "--help", "-h", "--as-of", "--out", "--",
                                            "DB", "-", "/", "/dev/null", "--protocol", "2021-04-01"]

    /// A mutated command line, with `DB` still standing for the study.
    static func mutated(using rng: inout SeededGenerator) -> [String] {
        var args = bases.randomElement(using: &rng)!
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let i = Int.random(in: 0..<args.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: args[i] = tokens.randomElement(using: &rng)!
            case 1: if args.count > 1 { args.remove(at: i) }
            case 2: args.insert(tokens.randomElement(using: &rng)!, at: i)
            case 3: args.append(args[i])
            case 4: args[i] = String(FuzzMutator.replacingDigits(Array(args[i].utf8), using: &rng).map { Character(UnicodeScalar($0)) })
            default: args[i] = String(repeating: "x", count: 100_000)
            }
        }
        return args
    }
}
