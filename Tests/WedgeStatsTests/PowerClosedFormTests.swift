// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

/// A classic staircase: `perStep` clusters cross at each of `steps` steps; periods = steps + 1.
func powerStaircase(steps: Int, perStep: Int, bookends: Bool = false) -> [[Double]] {
    let periods = bookends ? steps : steps + 1
    let firstTreated = bookends ? Array(0...steps) : Array(1...steps)
    return firstTreated.flatMap { start in
        Array(repeating: (0..<periods).map { $0 >= start ? 1.0 : 0.0 }, count: perStep)
    }
}

@Suite("Power: Hussey & Hughes closed form")
struct PowerClosedFormTests {
    /// swCRTdesign README (CRAN v4.1): `swPwr(swDsn(c(6,6,6,6)), distn="binomial", n=120, mu0=0.05,
    /// mu1=0.035, tau=0.01, eta=0, rho=0, gamma=0, alpha=0.05)` prints `0.7861896`, the Hussey & Hughes
    /// model with 24 clusters, 6 per step, 5 periods. swPwr takes `tau` directly; the equivalent ICC is
    /// `τ²/(τ² + σ²)`. Tolerance 5e-8 absolute: the published value has 7 decimals (R gives 0.7861895925).
    @Test("reproduces the published swCRTdesign README power 0.7861896")
    func readmeExample() {
        let sigma2 = 0.0425 * (1 - 0.0425)
        let tau2 = 0.01 * 0.01
        let input = PowerInput(
            treatment: powerStaircase(steps: 4, perStep: 6), clusterPeriodSize: 120, controlProportion: 0.05,
            interventionProportion: 0.035, icc: tau2 / (tau2 + sigma2))
        let result = HusseyHughesPower.compute(input)
        #expect(abs(result.power - 0.786_189_6) <= 5e-8, "power \(result.power)")
        #expect(abs(result.clusterVariance - tau2) <= 1e-17)
        expectClose(result.variance, HusseyHughesPower.closedFormVariance(input)!, tolerance: 1e-10)
    }

    /// The algebraic identity GLS = closed form for any 0/1 design when m is equal and γ² = 0.
    /// Tolerance 1e-10 relative: two exact expressions for the same rational function, evaluated in double
    /// precision with condition numbers far below 1e5.
    @Test(
        "GLS variance equals the closed form",
        arguments: [
            (powerStaircase(steps: 6, perStep: 1), 20, 0.05),
            (powerStaircase(steps: 5, perStep: 1, bookends: true), 14, 0.1),
            (powerStaircase(steps: 6, perStep: 2), 7, 0.01),
            (powerStaircase(steps: 3, perStep: 4), 50, 0.2),
            (powerStaircase(steps: 4, perStep: 6), 120, 0.0),
        ])
    func identity(treatment: [[Double]], m: Int, icc: Double) throws {
        let input = PowerInput(
            treatment: treatment, clusterPeriodSize: m, controlProportion: 0.36, interventionProportion: 0.63, icc: icc)
        let closed = try #require(HusseyHughesPower.closedFormVariance(input))
        expectClose(HusseyHughesPower.compute(input).variance, closed, tolerance: 1e-10, "\(treatment.count)x\(m)")
        // Exponential decay with r = 1 is the same model.
        var decay = input
        decay.correlation = .exponentialDecay(r: 1)
        expectClose(HusseyHughesPower.compute(decay).variance, closed, tolerance: 1e-10)
    }

    /// Random binary designs, not necessarily stepped (crossover in both directions, repeated switches).
    @Test(
        "identity holds for arbitrary 0/1 designs from a seeded generator", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomBinaryIdentity(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let clusters = Int.random(in: 3...10, using: &generator)
        let periods = Int.random(in: 3...8, using: &generator)
        let treatment = (0..<clusters).map { _ in
            (0..<periods).map { _ in Double(Int.random(in: 0...1, using: &generator)) }
        }
        let m = Int.random(in: 1...200, using: &generator)
        let icc = Double.random(in: 0...0.3, using: &generator)
        let input = PowerInput(
            treatment: treatment, clusterPeriodSize: m, controlProportion: 0.2, interventionProportion: 0.3, icc: icc)
        let gls = HusseyHughesPower.compute(input).variance
        let closed = try #require(HusseyHughesPower.closedFormVariance(input))
        try #require(gls.isFinite, "seed \(seed): θ not estimable")
        expectClose(gls, closed, tolerance: 1e-10, "seed \(seed)")
    }

    @Test("closed form does not apply with CAC < 1, decay, period effects, unequal m or fractional X")
    func notApplicable() {
        let base = PowerInput(
            treatment: powerStaircase(steps: 5, perStep: 1, bookends: true), clusterPeriodSize: 14,
            controlProportion: 0.36, interventionProportion: 0.63, icc: 0.05)
        #expect(HusseyHughesPower.closedFormVariance(base) != nil)
        var cac = base
        cac.correlation = .nestedExchangeable(cac: 0.8)
        var decay = base
        decay.correlation = .exponentialDecay(r: 0.8)
        var trend = base
        trend.periodEffects = [0, 0, 0, 0, 0]
        var unequal = base
        unequal.clusterPeriodSizes[2][3] = 15
        var fractional = base
        fractional.treatment[2][2] = 0.5
        for input in [cac, decay, trend, unequal, fractional] {
            #expect(HusseyHughesPower.closedFormVariance(input) == nil)
        }
    }
}
