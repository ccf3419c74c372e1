// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

@Suite("Power: conventions and edge cases")
struct PowerEdgeCaseTests {
    static let bookend = powerStaircase(steps: 5, perStep: 1, bookends: true)

    static func input(icc: Double = 0.05, m: Int = 14) -> PowerInput {
        PowerInput(
            treatment: bookend, clusterPeriodSize: m, controlProportion: 0.36, interventionProportion: 0.63, icc: icc)
    }

    @Test("swPwr conventions: θ = p₁ − p₀, σ² = p̄(1 − p̄), τ² and γ² from ICC and CAC")
    func conventions() {
        var input = Self.input(icc: 0.1)
        input.correlation = .nestedExchangeable(cac: 0.8)
        let result = HusseyHughesPower.compute(input)
        let sigma2 = 0.495 * 0.505
        expectClose(result.effect, 0.27, tolerance: 1e-14)
        expectClose(result.outcomeVariance, sigma2, tolerance: 1e-15)
        expectClose(result.clusterVariance, 0.8 * 0.1 * sigma2 / 0.9, tolerance: 1e-14)
        expectClose(result.clusterPeriodVariance, 0.2 * 0.1 * sigma2 / 0.9, tolerance: 1e-14)
        expectClose(result.criticalValue, 1.959_963_984_540_054, tolerance: 1e-15)
        expectClose(result.standardError * result.standardError, result.variance, tolerance: 1e-15)
        expectClose(result.designEffect, result.variance / (4 * sigma2 / Double(30 * 14)), tolerance: 1e-14)
    }

    @Test("θ = 0 gives power α; swapping p₀ and p₁ leaves power unchanged")
    func nullAndSymmetry() {
        var null = Self.input()
        null.interventionProportion = 0.36
        expectClose(HusseyHughesPower.compute(null).power, 0.05, tolerance: 1e-14)
        var swapped = Self.input()
        swapped.controlProportion = 0.63
        swapped.interventionProportion = 0.36
        expectClose(
            HusseyHughesPower.compute(swapped).power, HusseyHughesPower.compute(Self.input()).power,
            tolerance: 1e-14)
    }

    @Test("an unobserved cell is the same as removing it; a fully unobserved cluster is the same as dropping it")
    func unobservedCells() {
        var withZeros = Self.input()
        for j in 0..<5 { withZeros.clusterPeriodSizes[3][j] = 0 }
        var dropped = Self.input()
        dropped.treatment.remove(at: 3)
        dropped.clusterPeriodSizes.remove(at: 3)
        expectClose(
            HusseyHughesPower.compute(withZeros).variance, HusseyHughesPower.compute(dropped).variance,
            tolerance: 1e-12)
        // A period unobserved everywhere contributes nothing and is not estimated.
        var noPeriod = Self.input()
        for i in 0..<6 { noPeriod.clusterPeriodSizes[i][2] = 0 }
        var removed = Self.input()
        removed.treatment = removed.treatment.map { row in row.enumerated().filter { $0.offset != 2 }.map(\.element) }
        removed.clusterPeriodSizes = removed.clusterPeriodSizes.map { Array($0.prefix(2) + $0.suffix(2)) }
        expectClose(
            HusseyHughesPower.compute(noPeriod).variance, HusseyHughesPower.compute(removed).variance,
            tolerance: 1e-12)
    }

    @Test("decay r = 1 equals CAC = 1; more clusters or larger m lowers the variance")
    func orderings() {
        var decay = Self.input()
        decay.correlation = .exponentialDecay(r: 1)
        expectClose(
            HusseyHughesPower.compute(decay).variance, HusseyHughesPower.compute(Self.input()).variance,
            tolerance: 1e-12)
        #expect(
            HusseyHughesPower.compute(Self.input(m: 20)).variance < HusseyHughesPower.compute(Self.input()).variance)
    }

    @Test(
        "invalid inputs give NaN, never a trap",
        arguments: [
            (0.0, 0.63, 0.05, ClusterCorrelation.husseyHughes, 0.05),
            (0.36, 1.0, 0.05, .husseyHughes, 0.05),
            (0.36, 0.63, 1.0, .husseyHughes, 0.05),
            (0.36, 0.63, -0.1, .husseyHughes, 0.05),
            (0.36, 0.63, 0.05, .nestedExchangeable(cac: 1.2), 0.05),
            (0.36, 0.63, 0.05, .exponentialDecay(r: -0.1), 0.05),
            (0.36, 0.63, 0.05, .husseyHughes, 0.0),
            (Double.nan, 0.63, 0.05, .husseyHughes, 0.05),
        ])
    func invalid(p0: Double, p1: Double, icc: Double, correlation: ClusterCorrelation, alpha: Double) {
        let input = PowerInput(
            treatment: Self.bookend, clusterPeriodSize: 14, controlProportion: p0, interventionProportion: p1,
            icc: icc, correlation: correlation, alpha: alpha)
        let result = HusseyHughesPower.compute(input)
        #expect(result.power.isNaN)
        #expect(result.variance.isNaN)
    }

    @Test("a non-estimable effect gives NaN: every cluster switches at the same time")
    func notEstimable() {
        let allTogether: [[Double]] = Array(repeating: [0, 0, 1, 1], count: 4)
        let result = HusseyHughesPower.compute(
            PowerInput(
                treatment: allTogether, clusterPeriodSize: 10, controlProportion: 0.3,
                interventionProportion: 0.5, icc: 0.05))
        #expect(result.variance.isNaN)
        #expect(result.power.isNaN)
        // Period effects that push a cell probability out of (0, 1) also give NaN.
        var trend = Self.input()
        trend.periodEffects = [0, 0.1, 0.2, 0.3, 0.4]
        #expect(HusseyHughesPower.compute(trend).variance.isNaN)
    }
}
