// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

@Suite("Power: cluster-period size solver and grid")
struct PowerSampleSizeTests {
    /// Exact integer agreement with `samplesize.csv`, which `reference.R` finds by a linear search over
    /// m = 1, 2, … with its own GLS (so neither the bisection nor the Swift kernel is involved).
    @Test("smallest m matches R's linear search")
    func matchesR() throws {
        let rows = try PowerFixtures.load("samplesize")
        #expect(rows.count == 54)
        for row in rows {
            let design = try PowerFixtures.design(row.fields["design"]!)
            let template = PowerInput(
                treatment: design.treatment, clusterPeriodSize: 1, controlProportion: 0.36,
                interventionProportion: 0.63, icc: row.double("icc")!,
                correlation: .nestedExchangeable(cac: row.double("cac")!))
            let m = HusseyHughesPower.solveClusterPeriodSize(targetPower: row.double("target")!, template: template)
            #expect(m == row.int("m"), "\(row)")
        }
    }

    @Test("the solution is minimal: power(m) ≥ target > power(m − 1)", arguments: [0.5, 0.8, 0.9, 0.95])
    func minimal(target: Double) throws {
        let template = PowerInput(
            treatment: powerStaircase(steps: 5, perStep: 1, bookends: true), clusterPeriodSize: 1,
            controlProportion: 0.36, interventionProportion: 0.50, icc: 0.05,
            correlation: .nestedExchangeable(cac: 0.8))
        let m = try #require(HusseyHughesPower.solveClusterPeriodSize(targetPower: target, template: template))
        #expect(HusseyHughesPower.compute(template.resized(to: m)).power >= target)
        if m > 1 { #expect(HusseyHughesPower.compute(template.resized(to: m - 1)).power < target) }
    }

    @Test("unreachable targets give nil: power plateaus when τ² > 0")
    func plateau() {
        // Small effect, large ICC and CAC < 1: the m → ∞ limit is well below 0.99.
        let template = PowerInput(
            treatment: powerStaircase(steps: 5, perStep: 1, bookends: true), clusterPeriodSize: 1,
            controlProportion: 0.36, interventionProportion: 0.40, icc: 0.2,
            correlation: .nestedExchangeable(cac: 0.5))
        #expect(HusseyHughesPower.compute(template.resized(to: 1_000_000)).power < 0.99)
        #expect(HusseyHughesPower.solveClusterPeriodSize(targetPower: 0.99, template: template) == nil)
        #expect(HusseyHughesPower.solveClusterPeriodSize(targetPower: 1.0, template: template) == nil)
        #expect(HusseyHughesPower.solveClusterPeriodSize(targetPower: .nan, template: template) == nil)
        #expect(HusseyHughesPower.solveClusterPeriodSize(targetPower: 0.9, template: template, maximumSize: 3) == nil)
    }

    @Test("unobserved template cells stay unobserved when resizing")
    func keepsPattern() {
        var template = PowerInput(
            treatment: powerStaircase(steps: 5, perStep: 1, bookends: true), clusterPeriodSize: 5,
            controlProportion: 0.36, interventionProportion: 0.63, icc: 0.05)
        template.clusterPeriodSizes[0][4] = 0
        let resized = template.resized(to: 9)
        #expect(resized.clusterPeriodSizes[0][4] == 0)
        #expect(resized.totalSampleSize == 29 * 9)
    }

    @Test("grid is ICC-major, increasing in m, and equals compute point by point")
    func grid() {
        let template = PowerInput(
            treatment: powerStaircase(steps: 6, perStep: 1), clusterPeriodSize: 1, controlProportion: 0.36,
            interventionProportion: 0.63, icc: 0)
        let iccs = [0.01, 0.05, 0.1]
        let sizes = [2, 5, 10, 20, 40]
        let points = HusseyHughesPower.grid(iccs: iccs, clusterPeriodSizes: sizes, template: template)
        #expect(points.count == 15)
        #expect(points.map(\.icc) == iccs.flatMap { Array(repeating: $0, count: sizes.count) })
        #expect(points.map(\.clusterPeriodSize) == Array(repeating: sizes, count: 3).flatMap { $0 })
        for (k, point) in points.enumerated() {
            if k % sizes.count > 0 { #expect(point.result.power > points[k - 1].result.power) }
            var input = template.resized(to: point.clusterPeriodSize)
            input.icc = point.icc
            #expect(point.result == HusseyHughesPower.compute(input))
        }
    }
}
