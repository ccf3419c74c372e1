// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeAnalysis
import WedgeCore
import WedgeStats
import WedgeTestSupport

/// Protocols for the power tests: the shipped ones, and variants written from ctn-0097's text.
enum PowerProtocols {
    static func load(_ relative: String) throws -> StudyProtocol {
        try ProtocolLoader.load(path: TestPaths.path(relative)).protocol
    }

    /// ctn-0097's text with its sites and `[design]` table replaced: `sites` sites and the given design lines.
    static func variant(sites: Int, design: String, periods: Int = 5) throws -> String {
        var text = try TestPaths.text("Protocols/ctn-0097.toml")
        let sitesStart = text.range(of: "[[sites]]")!.lowerBound
        let calendarStart = text.range(of: "[calendar]")!.lowerBound
        let siteBlocks = (1...sites).map { "[[sites]]\nid = \"s\($0)\"\nname = \"Site \($0)\"\n\n" }.joined()
        text.replaceSubrange(sitesStart..<calendarStart, with: siteBlocks)
        let designStart = text.range(of: "[design]")!.lowerBound
        let transitionStart = text.range(of: "# No transition window")!.lowerBound
        text.replaceSubrange(designStart..<transitionStart, with: "[design]\n" + design + "\n\n")
        return text.replacingOccurrences(of: "periods = 5 ", with: "periods = \(periods) ")
    }

    /// The swCRTdesign README design: 24 clusters, 6 per step, 4 steps, 5 periods.
    static func readme24() throws -> StudyProtocol {
        try ProtocolLoader.parse(try variant(sites: 24, design: "sites_per_step = 6\nleading_control_periods = 1"),
                                 file: "readme24.toml")
    }

    /// One row of the R reference table `Tests/WedgeStatsTests/Fixtures/power/reference.csv`.
    static func reference(design: String, m: Int, icc: String, correlation: String, parameter: String) throws
        -> Double
    {
        let text = try TestPaths.text("Tests/WedgeStatsTests/Fixtures/power/reference.csv")
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = lines[0].map(String.init)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let row = try #require(lines.dropFirst().first { f in
            f[column("design")] == design && f[column("m")] == "\(m)" && f[column("icc")].hasPrefix(icc)
                && f[column("correlation")] == correlation && f[column("param")].hasPrefix(parameter)
                && f[column("periodEffects")] == "0"
        })
        return Double(row[column("power")])!
    }
}

@Suite("Power: protocol designs")
struct PowerDesignTests {
    static let swift = PowerAssumptions(
        controlProportion: 0.36, interventionProportion: 0.63, icc: 0.05, clusterPeriodSize: 14)

    @Test("ctn-0097 maps to the bookend matrix, one row per site, every cell 14")
    func bookend() throws {
        let design = try DesignPower(protocol: try PowerProtocols.load("Protocols/ctn-0097.toml"))
        #expect(design.rowCodes == ["RRRRR", "SRRRR", "SSRRR", "SSSRR", "SSSSR", "SSSSS"])
        #expect(design.treatment == (0..<6).map { i in (0..<5).map { j in j >= i ? 1.0 : 0.0 } })
        #expect(design.sizes(perClusterPeriod: 14) == Array(repeating: Array(repeating: 14, count: 5), count: 6))
        #expect(design.kind == .steppedWedge && design.clusterCount == 6 && design.periodCount == 5)
    }

    @Test("excluded transition weeks shorten exactly the crossover cells")
    func transitionCells() throws {
        // general-sw-12x7: 10-week periods, 2 transition weeks excluded from the primary analysis.
        let design = try DesignPower(protocol: try PowerProtocols.load("Protocols/general-sw-12x7.toml"))
        let sizes = design.sizes(perClusterPeriod: 10)
        #expect(design.clusterCount == 12 && design.periodCount == 7)
        for (i, row) in design.treatment.enumerated() {
            for j in row.indices {
                let crossing = j > 0 && row[j] != row[j - 1]
                #expect(sizes[i][j] == (crossing ? 8 : 10), "row \(i) period \(j)")
            }
        }
        #expect(sizes.joined().filter { $0 == 8 }.count == 12)
        // Included transitions keep every participant.
        var proto = try PowerProtocols.load("Protocols/general-sw-12x7.toml")
        proto.transition.includeInPrimary = true
        #expect(try DesignPower(protocol: proto).sizes(perClusterPeriod: 10).joined().allSatisfy { $0 == 10 })
    }

    @Test("the parallel comparator has three control and three intervention rows")
    func parallel() throws {
        let design = try DesignPower(protocol: try PowerProtocols.load("Protocols/parallel-6x5.toml"))
        #expect(design.kind == .parallel)
        #expect(design.rowCodes == ["SSSSS", "SSSSS", "SSSSS", "RRRRR", "RRRRR", "RRRRR"])
        let power = design.analyticPower(Self.swift).power
        let bookend = try DesignPower(protocol: try PowerProtocols.load("Protocols/ctn-0097.toml"))
        // Same sites, periods and participants: the within-site contrasts of the stepped wedge win.
        #expect(power < bookend.analyticPower(Self.swift).power)
        #expect(power > 0.05)
    }

    @Test("a design with no contrast is refused with the study named")
    func noContrast() throws {
        let text = try PowerProtocols.variant(
            sites: 6, design: "type = \"parallel\"\nsequences = [\"SSSSS\"]\nmultiplicities = [6]")
        let proto = try ProtocolLoader.parse(text, file: "all-control.toml")
        #expect(throws: DesignPowerError.noContrast(study: "ctn-0097")) { try DesignPower(protocol: proto) }
    }

    /// The protocol path gives the same numbers as R's independent GLS (`reference.R`) for the same matrices.
    /// Tolerance 1e-9 absolute on power: both sides agree to about 1e-13 in variance.
    @Test(
        "analytic power from the protocols matches R's reference",
        arguments: [
            ("Protocols/ctn-0097.toml", "swift6x5", "exchangeable", "1"),
            ("Protocols/ctn-0097.toml", "swift6x5", "exchangeable", "0.8"),
            ("Protocols/ctn-0097.toml", "swift6x5", "decay", "0.8"),
            ("Protocols/classic-sw-6x7.toml", "classic6x7", "exchangeable", "1"),
            ("Protocols/classic-sw-6x7.toml", "classic6x7", "decay", "0.8"),
        ])
    func matchesR(path: String, name: String, correlation: String, parameter: String) throws {
        let design = try DesignPower(protocol: try PowerProtocols.load(path))
        for (m, icc) in [(10, 0.05), (30, 0.1), (10, 0.01)] {
            var a = Self.swift
            a.icc = icc
            a.clusterPeriodSize = m
            let r = Double(parameter)!
            a.correlation = correlation == "decay" ? .exponentialDecay(r: r) : .nestedExchangeable(cac: r)
            let expected = try PowerProtocols.reference(
                design: name, m: m, icc: "\(icc)", correlation: correlation, parameter: parameter)
            let power = design.analyticPower(a).power
            #expect(abs(power - expected) < 1e-9, "\(name) m=\(m) icc=\(icc): \(power) vs R \(expected)")
        }
    }

    /// swCRTdesign README: `swPwr(swDsn(c(6,6,6,6)), "binomial", n=120, mu0=0.05, mu1=0.035, tau=0.01)` prints
    /// 0.7861896. With swPwr's τ on the risk scale, ICC = τ²/(τ² + σ²), σ² = p̄(1 − p̄).
    @Test("reproduces the swCRTdesign README power 0.7861896 from a 24-site protocol")
    func swPwrReadme() throws {
        let design = try DesignPower(protocol: try PowerProtocols.readme24())
        #expect(design.clusterCount == 24 && design.periodCount == 5)
        let sigma2 = 0.0425 * (1 - 0.0425)
        let a = PowerAssumptions(
            controlProportion: 0.05, interventionProportion: 0.035, icc: 1e-4 / (1e-4 + sigma2),
            clusterPeriodSize: 120)
        #expect(abs(design.analyticPower(a).power - 0.7861896) < 5e-8)
    }
}

/// Sizes per cell: the `unequal6x5` design of `reference.R` (the bookend matrix with unequal sizes and two
/// unobserved cells) through the protocol path, against R. Tolerance 1e-9 as above.
@Suite("Power: sizes per cell")
struct PowerCellSizeTests {
    static let unequal = [
        [14, 16, 12, 15, 0], [9, 11, 13, 10, 12], [20, 18, 22, 19, 21], [7, 8, 6, 9, 8], [15, 13, 14, 16, 17],
        [0, 12, 11, 13, 10],
    ]

    @Test(
        "cell sizes match R's unequal-size reference",
        arguments: [
            (ClusterCorrelation.husseyHughes, 0.91895106808502092),
            (.nestedExchangeable(cac: 0.8), 0.90664284368666503), (.exponentialDecay(r: 0.8), 0.89372797990337283),
        ])
    func matchesR(correlation: ClusterCorrelation, expected: Double) throws {
        let design = try DesignPower(protocol: try PowerProtocols.load("Protocols/ctn-0097.toml"))
        var a = PowerDesignTests.swift
        a.correlation = correlation
        a.cellSizes = Self.unequal
        #expect(design.sizes(for: a) == Self.unequal)
        #expect(abs(design.analyticPower(a).power - expected) < 1e-9)
        // The simulation uses the same cells: total trials analysed equal the sum of sizes.
        #expect(design.analyticPower(a).totalSampleSize == Self.unequal.joined().reduce(0, +))
    }

    @Test("a shape mismatch or a negative size is described; transitions shorten explicit sizes too")
    func checks() throws {
        let design = try DesignPower(protocol: try PowerProtocols.load("Protocols/ctn-0097.toml"))
        #expect(design.checkCellSizes(Self.unequal) == nil)
        #expect(design.checkCellSizes(Array(Self.unequal.dropLast()))?.contains("has 5 rows") == true)
        var negative = Self.unequal
        negative[2][3] = -1
        #expect(design.checkCellSizes(negative)?.contains("row 3, period 4") == true)
        let general = try DesignPower(protocol: try PowerProtocols.load("Protocols/general-sw-12x7.toml"))
        var a = PowerDesignTests.swift
        a.cellSizes = Array(repeating: Array(repeating: 20, count: 7), count: 12)
        #expect(general.sizes(for: a) == general.sizes(perClusterPeriod: 20))
    }
}

@Suite("Power: assumptions")
struct PowerAssumptionsTests {
    @Test("logit period effects become the control proportions' risk-scale shifts")
    func periodEffects() throws {
        let design = try DesignPower(protocol: try PowerProtocols.load("Protocols/ctn-0097.toml"))
        var a = PowerDesignTests.swift
        a.periodEffects = [0, 0.1, 0.2, 0.3, 0.4]
        let shifts = try #require(design.input(a).periodEffects)
        for (j, beta) in a.periodEffects!.enumerated() {
            let p = 1 / (1 + exp(-(log(0.36 / 0.64) + beta)))
            #expect(abs(shifts[j] - (p - 0.36)) < 1e-15)
        }
        #expect(shifts[0] == 0)
        // The same input through Stats, and a different power from the pooled-variance default.
        #expect(design.analyticPower(a) == HusseyHughesPower.compute(design.input(a)))
        #expect(design.analyticPower(a).power != design.analyticPower(PowerDesignTests.swift).power)
    }

    @Test("the effects on both scales")
    func effects() {
        let a = PowerDesignTests.swift
        #expect(abs(a.riskDifference - 0.27) < 1e-15)
        #expect(abs(a.logOddsRatio - log((0.63 / 0.37) / (0.36 / 0.64))) < 1e-14)
    }
}
