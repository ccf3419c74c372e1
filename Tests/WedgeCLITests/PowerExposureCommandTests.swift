// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeTestSupport

/// `wedge power --simulate N` with the nested and exposure-time analyses and an effect that grows with exposure time
/// (`--model`, `--ramp`, `--exposure-effects`, `--tate-range`), end to end.
@Suite("wedge power: exposure-time simulation")
struct PowerExposureCommandTests {
    static let base = PowerCommandTests.swift + ["--icc", "0.05", "--per-cluster-period", "14"]

    @Test("--model eti --ramp 3: the TATE estimand, the true curve, no analytic comparison; threads do not matter")
    func rampJSON() throws {
        let arguments = ["power"] + Self.base + ["--simulate", "16", "--seed", "9", "--model", "eti", "--ramp", "3",
                                                 "--format", "json"]
        let one = try CommandResult.wedge(arguments + ["--threads", "1"])
        let two = try CommandResult.wedge(arguments + ["--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let simulation = try #require(try PowerCommandTests.json(one)["simulation"] as? [String: Any])
        #expect(simulation["model"] as? String == "eti")
        #expect(simulation["estimand"] as? String == "tate")
        #expect(simulation["tate_range"] as? [Int] == [1, 5])
        let shape = try #require(simulation["exposure_effect"] as? [String: Any])
        #expect(shape["shape"] as? String == "ramp" && shape["ramp_periods"] as? Int == 3)
        let theta = log(0.63 / 0.37) - log(0.36 / 0.64)
        let curve = try #require(simulation["true_effect_by_exposure"] as? [Double])
        #expect(curve.count == 5 && abs(curve[0] - theta / 3) < 1e-12 && abs(curve[4] - theta) < 1e-12)
        #expect(abs((simulation["true_effect"] as? Double ?? .nan) - 0.8 * theta) < 1e-12)
        #expect(simulation["simulated_minus_analytic"] is NSNull)
        #expect(simulation["analytic_outside_interval"] is NSNull)
    }

    @Test("the text names the analysis, the true TATE and the curve; the default model keeps its estimand")
    func text() throws {
        let eti = try CommandResult.wedge(["power"] + Self.base + ["--simulate", "8", "--model", "nested-ncs",
                                                                   "--exposure-effects", "0.5,1", "--tate-range", "2-5"])
        #expect(eti.status == 0, "\(eti.stderr)")
        #expect(eti.stdout.contains("Simulated power (8 trials, nested spline exposure-time (NCS) Laplace GLMM, TATE, seed 1)"))
        #expect(eti.stdout.contains("true effect by exposure time (log OR, fractions 0.5, 1 of θ): 1: 0.554, 2: 1.108"))
        #expect(eti.stdout.contains("true TATE (e = 2–5) = 1.108"))
        #expect(eti.stdout.contains("not compared"))
        let immediate = try CommandResult.wedge(["power"] + Self.base + ["--simulate", "8", "--model", "eti"])
        #expect(immediate.status == 0, "\(immediate.stderr)")
        #expect(immediate.stdout.contains("true TATE (e = 1–5) = 1.108"))
        #expect(immediate.stdout.contains("Simulated − analytic power"))
        let hh = try CommandResult.wedge(["power"] + Self.base + ["--simulate", "8"])
        #expect(hh.stdout.contains("log OR θ = 1.108") && !hh.stdout.contains("TATE"))
    }

    static let usageErrors: [([String], String)] = [
        (["--simulate", "5", "--model", "tate"], "--model must be one of hh, nested, eti, nested-eti, ncs, nested-ncs"),
        (["--simulate", "5", "--model", "nested-eti", "--agq", "5"], "fitted by Laplace only"),
        (["--simulate", "5", "--ramp", "0"], "--ramp must be from 1 to 1000"),
        (["--simulate", "5", "--ramp", "2", "--exposure-effects", "0.5,1"], "not both"),
        (["--simulate", "5", "--exposure-effects", "0.5,x"], "--exposure-effects '0.5,x'"),
        (["--simulate", "5", "--tate-range", "3-2"], "--tate-range must be FIRST-LAST"),
        (["--ramp", "3"], "--ramp describes the simulated trials; add --simulate N"),
        (["--model", "eti"], "--model eti describes the simulated trials"),
        (["--simulate", "5", "--null", "--model", "nested"], "--null measures the size"),
        (["--simulate", "5", "--null", "--ramp", "2"], "leave out --ramp"),
    ]

    @Test("usage errors exit with 64 and say what is wrong", arguments: usageErrors)
    func usage(extra: [String], message: String) throws {
        let result = try CommandResult.wedge(["power"] + Self.base + extra)
        #expect(result.status == 64, "\(extra): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(extra): \(result.stderr)")
    }

    @Test("a TATE range beyond the design's exposure times exits with 1 and names the largest")
    func rangeBeyondDesign() throws {
        let result = try CommandResult.wedge(["power"] + Self.base + ["--simulate", "5", "--model", "eti",
                                                                      "--tate-range", "1-9"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Protocols/ctn-0097.toml: The TATE range 1-9 goes beyond the largest exposure "
                                       + "time of ctn-0097, 5"), "\(result.stderr)")
    }
}
