// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeTestSupport

/// `wedge power` end to end, through the built executable.
@Suite("wedge power")
struct PowerCommandTests {
    static let swift = ["--protocol", "Protocols/ctn-0097.toml", "--p0", "0.36", "--p1", "0.63"]

    static func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("text output names the analytic power and the assumptions")
    func text() throws {
        let result = try CommandResult.wedge(["power"] + Self.swift + ["--icc", "0.05", "--per-cluster-period", "14"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Power: ctn-0097 (stepped-wedge, 6 sites × 5 periods, 420 analysed participants)"))
        #expect(result.stdout.contains("Analytic power (Hussey & Hughes 2007 GLS, swPwr conventions): 0."))
        #expect(!result.stdout.contains("Simulated"))
        #expect(result.stderr.isEmpty)
    }

    /// R's reference (`Tests/WedgeStatsTests/Fixtures/power/reference.csv`, swift6x5, m 10, ICC 0.05, CAC 1):
    /// 0.87304282525667787. JSON numbers are printed with full precision.
    @Test("--format json: documented keys, and the power R computes for this design")
    func jsonKeys() throws {
        let result = try CommandResult.wedge(
            ["power"] + Self.swift + ["--icc", "0.05", "--per-cluster-period", "10", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try Self.json(result)
        #expect(object["schema"] as? String == "wedge.power/1")
        let power = try #require(object["power"] as? Double)
        #expect(abs(power - 0.87304282525667787) < 1e-9)
        #expect(object["simulated_power"] == nil && object["simulation"] == nil)
        let analytic = try #require(object["analytic"] as? [String: Any])
        for key in ["variance", "standard_error", "design_effect", "cluster_variance", "critical_value"] {
            #expect(analytic[key] is Double, "analytic.\(key)")
        }
        let assumptions = try #require(object["assumptions"] as? [String: Any])
        #expect(assumptions["analysed_participants"] as? Int == 300)
    }

    @Test("--simulate adds simulated_power; the output does not depend on the number of threads")
    func simulate() throws {
        let arguments = ["power"] + Self.swift + ["--icc", "0.05", "--per-cluster-period", "14", "--simulate", "30",
                                                  "--seed", "42", "--format", "json"]
        let one = try CommandResult.wedge(arguments + ["--threads", "1"])
        let three = try CommandResult.wedge(arguments + ["--threads", "3"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == three.stdout)
        let object = try Self.json(one)
        let simulated = try #require(object["simulated_power"] as? Double)
        let simulation = try #require(object["simulation"] as? [String: Any])
        #expect(simulation["power"] as? Double == simulated)
        #expect(simulation["trials"] as? Int == 30)
        for key in ["bias", "coverage", "nonconvergence_rate", "singular_rate", "monte_carlo_standard_error",
                    "simulated_minus_analytic", "true_log_odds_ratio"] {
            #expect(simulation[key] != nil, "simulation.\(key)")
        }
        let text = try CommandResult.wedge(Array(arguments.dropLast(2)))
        #expect(text.stdout.contains("Simulated power (30 trials, Laplace GLMM, seed 42)"))
        #expect(text.stdout.contains("Simulated − analytic power"))
    }

    @Test("--solve-n finds the smallest size; one less falls short")
    func solve() throws {
        let result = try CommandResult.wedge(
            ["power"] + Self.swift + ["--icc", "0.05", "--solve-n", "--target-power", "0.9", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let solve = try #require(try Self.json(result)["solve"] as? [String: Any])
        let m = try #require(solve["per_cluster_period"] as? Int)
        #expect(try #require(solve["power"] as? Double) >= 0.9)
        #expect(try #require(solve["power_one_less"] as? Double) < 0.9)
        let text = try CommandResult.wedge(["power"] + Self.swift + ["--icc", "0.05", "--solve-n", "--target-power", "0.9"])
        #expect(text.stdout.contains("Smallest cluster-period size for power ≥ 0.90: \(m) "))
    }

    @Test("--grid prints a table in every format and writes the SVG curve")
    func grid() throws {
        let dir = try TestPaths.temporaryDirectory()
        let svg = dir.appendingPathComponent("curve.svg").path
        let base = ["power"] + Self.swift + ["--grid", "--icc-values", "0.01,0.05", "--n-values", "5,10,20"]
        let text = try CommandResult.wedge(base + ["--svg", svg])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("ICC 0.01") && text.stdout.contains("ICC 0.05"))
        #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<svg"))
        let csv = try CommandResult.wedge(base + ["--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 4)
        let json = try Self.json(try CommandResult.wedge(base + ["--format", "json"]))
        #expect((json["points"] as? [Any])?.count == 6)
        // The SVG is not overwritten without --force.
        #expect(try CommandResult.wedge(base + ["--svg", svg]).status == 1)
    }

    @Test("--compare lays the three designs side by side")
    func compare() throws {
        let files = ["Protocols/ctn-0097.toml", "Protocols/classic-sw-6x7.toml", "Protocols/parallel-6x5.toml"]
        let common = ["--p0", "0.36", "--p1", "0.63", "--icc", "0.05", "--per-cluster-period", "14"]
        let text = try CommandResult.wedge(["power", "--compare"] + files + common)
        #expect(text.status == 0, "\(text.stderr)")
        for id in ["ctn-0097", "classic-sw-6x7", "parallel-6x5"] { #expect(text.stdout.contains(id)) }
        let json = try Self.json(try CommandResult.wedge(["power", "--compare"] + files + common + ["--format", "json"]))
        let designs = try #require(json["designs"] as? [[String: Any]])
        #expect(designs.count == 3)
        let powers = designs.compactMap { $0["power"] as? Double }
        #expect(powers.count == 3 && powers[2] < powers[0])  // parallel below the stepped wedge
    }

    static let usageErrors: [[String]] = [
        ["power", "--protocol", "Protocols/ctn-0097.toml", "--p0", "1.5", "--p1", "0.6", "--icc", "0.05",
         "--per-cluster-period", "14"],
        ["power", "--protocol", "Protocols/ctn-0097.toml", "--p0", "0.36", "--p1", "0.63", "--per-cluster-period", "14"],
        ["power", "--protocol", "Protocols/ctn-0097.toml", "--p0", "0.36", "--p1", "0.63", "--icc", "0.05"],
        ["power", "--p0", "0.36", "--p1", "0.63", "--icc", "0.05", "--per-cluster-period", "14"],
        ["power", "--protocol", "Protocols/ctn-0097.toml", "--p0", "0.36", "--p1", "0.63", "--icc", "0.05",
         "--per-cluster-period", "14", "--svg", "x.svg"],
        ["power", "--protocol", "Protocols/ctn-0097.toml", "--p0", "0.36", "--p1", "0.63", "--grid", "--simulate", "5"],
        ["power", "--protocol", "Protocols/ctn-0097.toml", "--p0", "0.36", "--p1", "0.63", "--icc", "0.05",
         "--cac", "0.5", "--decay", "0.8", "--per-cluster-period", "14"],
        ["power", "--protocol", "Protocols/ctn-0097.toml", "--p0", "0.36", "--p1", "0.63", "--icc", "0.05",
         "--per-cluster-period", "14", "--simulate", "0"],
        ["power", "--protocol", "Protocols/ctn-0097.toml", "--p0", "0.36", "--p1", "0.63", "--grid",
         "--n-values", "5,ten"],
        ["power", "--protocol", "Protocols/ctn-0097.toml", "--p0", "0.36", "--p1", "0.63", "--icc", "0.05",
         "--per-cluster-period", "14", "--format", "xml"],
    ]

    @Test("usage errors exit with 64", arguments: usageErrors)
    func usage(arguments: [String]) throws {
        let result = try CommandResult.wedge(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("a bad protocol, or period effects of the wrong length, exit with 1 and say why")
    func runtimeErrors() throws {
        let missing = try CommandResult.wedge(
            ["power", "--protocol", "no-such.toml", "--p0", "0.36", "--p1", "0.63", "--icc", "0.05",
             "--per-cluster-period", "14"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no-such.toml"))
        let broken = try CommandResult.wedge(
            ["power", "--protocol", "Tests/WedgeCoreTests/Fixtures/broken/unknown-condition.toml", "--p0", "0.36",
             "--p1", "0.63", "--icc", "0.05", "--per-cluster-period", "14"])
        #expect(broken.status == 1)
        let periods = try CommandResult.wedge(
            ["power"] + Self.swift + ["--icc", "0.05", "--per-cluster-period", "14", "--period-effects", "0,0.1"])
        #expect(periods.status == 1)
        #expect(periods.stderr.contains("has 5 periods"))
    }

    /// R's `unequal6x5` reference (bookend design, unequal sizes, two unobserved cells, ICC 0.05): 0.918951068.
    @Test("--cell-sizes reads sizes per cell; a bad file names the line and field")
    func cellSizes() throws {
        let dir = try TestPaths.temporaryDirectory()
        let good = dir.appendingPathComponent("cells.csv")
        try "# rows in design order\n14,16,12,15,0\n9,11,13,10,12\n20,18,22,19,21\n7,8,6,9,8\n15,13,14,16,17\n0,12,11,13,10\n"
            .write(to: good, atomically: true, encoding: .utf8)
        let result = try CommandResult.wedge(
            ["power"] + Self.swift + ["--icc", "0.05", "--cell-sizes", good.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try Self.json(result)
        #expect(abs(try #require(object["power"] as? Double) - 0.91895106808502092) < 1e-9)
        let assumptions = try #require(object["assumptions"] as? [String: Any])
        #expect(assumptions["per_cluster_period"] is NSNull)
        #expect((assumptions["cell_sizes"] as? [[Int]])?.first == [14, 16, 12, 15, 0])
        let bad = dir.appendingPathComponent("bad.csv")
        try "14,16,12,15,0\n9,11,x,10,12\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CommandResult.wedge(["power"] + Self.swift + ["--icc", "0.05", "--cell-sizes", bad.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.csv:2: field 3 = \"x\""))
        let short = dir.appendingPathComponent("short.csv")
        try "14,16,12,15,0\n".write(to: short, atomically: true, encoding: .utf8)
        let shape = try CommandResult.wedge(["power"] + Self.swift + ["--icc", "0.05", "--cell-sizes", short.path])
        #expect(shape.status == 1)
        #expect(shape.stderr.contains("has 1 rows, but the design has 6"))
        let both = try CommandResult.wedge(
            ["power"] + Self.swift + ["--icc", "0.05", "--cell-sizes", good.path, "--per-cluster-period", "14"])
        #expect(both.status == 64)
    }

    /// swCRTdesign README: `swPwr(swDsn(c(6,6,6,6)), "binomial", n=120, mu0=0.05, mu1=0.035, tau=0.01)` = 0.7861896.
    @Test("--tau reproduces the swCRTdesign README example to 3 decimals (0.786)")
    func swPwrReadme() throws {
        var text = try TestPaths.text("Protocols/classic-sw-6x7.toml")
        let first = text.range(of: "[[sites]]")!.lowerBound
        let calendar = text.range(of: "[calendar]")!.lowerBound
        text.replaceSubrange(first..<calendar, with: (1...24).map { "[[sites]]\nid = \"s\($0)\"\nname = \"S\($0)\"\n\n" }.joined())
        text = text.replacingOccurrences(of: "sites_per_step = 1", with: "sites_per_step = 6")
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("readme24.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandResult.wedge(
            ["power", "--protocol", file.path, "--p0", "0.05", "--p1", "0.035", "--tau", "0.01",
             "--per-cluster-period", "120", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let power = try #require(try Self.json(result)["power"] as? Double)
        #expect(abs(power - 0.7861896) < 5e-8)
        let rounded = try CommandResult.wedge(
            ["power", "--protocol", file.path, "--p0", "0.05", "--p1", "0.035", "--tau", "0.01",
             "--per-cluster-period", "120"])
        #expect(rounded.stdout.contains("Analytic power (Hussey & Hughes 2007 GLS, swPwr conventions): 0.786\n"))
    }
}
