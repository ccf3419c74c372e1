// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeAnalysis
import WedgeCore
import WedgeStats
import WedgeTestSupport

@Suite("Power: grid, sample size, tables and curve")
struct PowerGridTests {
    static let design = try! DesignPower(protocol: try! PowerProtocols.load("Protocols/ctn-0097.toml"))
    static let base = PowerDesignTests.swift

    @Test("solve-n returns the smallest size that reaches the target")
    func solveMinimal() throws {
        for (icc, target) in [(0.01, 0.8), (0.05, 0.8), (0.05, 0.9), (0.1, 0.8)] {
            var a = Self.base
            a.icc = icc
            let m = try #require(Self.design.solveClusterPeriodSize(target: target, assumptions: a))
            a.clusterPeriodSize = m
            #expect(Self.design.analyticPower(a).power >= target)
            if m > 1 {
                a.clusterPeriodSize = m - 1
                #expect(Self.design.analyticPower(a).power < target, "icc \(icc) target \(target): m − 1 suffices")
            }
        }
    }

    @Test("power is non-decreasing in m, so the search is valid; an unreachable target gives nil")
    func monotoneAndPlateau() {
        var previous = 0.0
        for m in 1...80 {
            var a = Self.base
            a.clusterPeriodSize = m
            let power = Self.design.analyticPower(a).power
            #expect(power >= previous - 1e-12, "m = \(m)")
            previous = power
        }
        // With a cluster × period effect (CAC < 1) power levels off below 1 however large m is; with ICC 0.5
        // and CAC 0.5 the plateau lies below 0.99, so no m reaches it. (With CAC = 1 the site effect cancels
        // within sites and power tends to 1.)
        var high = Self.base
        high.icc = 0.5
        high.correlation = .nestedExchangeable(cac: 0.5)
        high.clusterPeriodSize = 100_000
        #expect(Self.design.analyticPower(high).power < 0.99)
        #expect(Self.design.solveClusterPeriodSize(target: 0.99, assumptions: high) == nil)
        #expect(Self.design.solveClusterPeriodSize(target: 0.2, assumptions: high) != nil)
    }

    @Test("the solved size agrees with the Stats-level search when no cell is shortened")
    func solveMatchesStats() {
        let m = Self.design.solveClusterPeriodSize(target: 0.9, assumptions: Self.base)
        let stats = HusseyHughesPower.solveClusterPeriodSize(targetPower: 0.9, template: Self.design.input(Self.base))
        #expect(m != nil && m == stats)
    }

    @Test("grid points are the analytic power at each ICC and m, ICC-major")
    func gridPoints() {
        let points = Self.design.grid(iccs: [0.01, 0.1], sizes: [5, 20], assumptions: Self.base)
        #expect(points.map(\.icc) == [0.01, 0.01, 0.1, 0.1])
        #expect(points.map(\.clusterPeriodSize) == [5, 20, 5, 20])
        for point in points {
            var a = Self.base
            a.icc = point.icc
            a.clusterPeriodSize = point.clusterPeriodSize
            #expect(point.result == Self.design.analyticPower(a))
        }
        #expect(points[1].result.power > points[0].result.power)  // more participants
        #expect(points[2].result.power < points[0].result.power)  // more clustering
    }

    @Test("grid table: one row per m, one column per ICC, CSV and JSON carry the same numbers")
    func gridTable() throws {
        let points = Self.design.grid(iccs: [0.01, 0.05], sizes: [10, 14, 20], assumptions: Self.base)
        let table = PowerTables.grid(design: Self.design, points: points, assumptions: Self.base)
        #expect(table.columns == ["m per cluster-period", "N analysed", "ICC 0.01", "ICC 0.05"])
        #expect(table.rows.map { $0[0] } == ["10", "14", "20"])
        #expect(table.rows[1][1] == "420")
        #expect(table.rows[1][3] == NumberFormat.fixed(points[4].result.power, 3))
        let csv = TableRenderer.render(table, as: .csv)
        #expect(csv.split(separator: "\n").count == 4)
        let json = PowerTables.gridJSON(design: Self.design, points: points, assumptions: Self.base).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "wedge.power-grid/1")
        let first = try #require((object["points"] as? [[String: Any]])?.first)
        // Linux Foundation's JSON parser may round the last bit; the text itself has full precision.
        #expect(abs(try #require(first["power"] as? Double) - points[0].result.power) < 1e-15)
        #expect(json.contains("\(points[0].result.power)"))
    }

    @Test("comparison table: one row per design, the same assumptions")
    func comparison() throws {
        let summaries = try ["Protocols/ctn-0097.toml", "Protocols/classic-sw-6x7.toml", "Protocols/parallel-6x5.toml"]
            .map { path in
                let design = try DesignPower(protocol: try PowerProtocols.load(path))
                return PowerSummary(protocolPath: path, design: design, assumptions: Self.base,
                                    analytic: design.analyticPower(Self.base))
            }
        let table = PowerTables.comparison(summaries)
        #expect(table.rows.map { $0[0] } == ["ctn-0097", "classic-sw-6x7", "parallel-6x5"])
        #expect(table.rows.map { $0[4] } == ["420", "588", "420"])
        #expect(!table.columns.contains("Simulated power"))
        #expect(table.notes.first?.contains("14 per cluster-period") == true)
    }

    @Test("power curve SVG: one line per ICC, a target line, deterministic")
    func curve() {
        let points = Self.design.grid(iccs: [0.01, 0.05, 0.1], sizes: [5, 10, 20, 40], assumptions: Self.base)
        let svg = PowerCurve.svg(design: Self.design, points: points, target: 0.8)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 3)
        #expect(svg.contains("target 0.80") && svg.contains("ICC 0.05"))
        #expect(svg == PowerCurve.svg(design: Self.design, points: points, target: 0.8))
    }
}
