// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeAnalysis
import WedgeCore
import WedgeStats
import WedgeTestSupport

@Suite("Power: simulation")
struct PowerSimulationTests {
    static let swift = try! DesignPower(protocol: try! PowerProtocols.load("Protocols/ctn-0097.toml"))

    @Test("the same seed gives the same result on 1, 2 and 5 threads; another seed does not")
    func reproducible() {
        let a = PowerDesignTests.swift
        let results = [1, 2, 5].map { threads in
            SimulatedPower.run(
                Self.swift, assumptions: a, settings: PowerSimulationSettings(trials: 40, seed: "7", threads: threads))
        }
        #expect(results[0] == results[1] && results[1] == results[2])
        #expect(results[0].trials == 40 && results[0].usable + results[0].nonconverged == 40)
        let other = SimulatedPower.run(
            Self.swift, assumptions: a, settings: PowerSimulationSettings(trials: 40, seed: "8", threads: 2))
        #expect(other.meanEstimate != results[0].meanEstimate)
    }

    @Test("progress is reported once per trial, in increasing order")
    func progress() {
        let seen = ProgressLog()
        _ = SimulatedPower.run(
            Self.swift, assumptions: PowerDesignTests.swift,
            settings: PowerSimulationSettings(trials: 12, seed: "p", threads: 3)
        ) { done in seen.append(done) }
        #expect(seen.values == Array(1...12))
    }

    @Test("the summaries follow from the counts; the true θ is the log odds ratio")
    func summaryArithmetic() {
        let a = PowerDesignTests.swift
        let r = SimulatedPower.run(Self.swift, assumptions: a, settings: PowerSimulationSettings(trials: 30, seed: "s"))
        #expect(abs(r.trueLogOddsRatio - (log(0.63 / 0.37) - log(0.36 / 0.64))) < 1e-12)
        #expect(r.power.estimate == Double(r.rejections) / Double(r.usable))
        #expect(r.power.lower <= r.power.estimate && r.power.estimate <= r.power.upper)
        #expect(abs(r.bias - (r.meanEstimate - r.trueLogOddsRatio)) < 1e-12)
        #expect((0...1).contains(r.coverage) && r.singular <= r.usable)
        // Latent scale: τ² = ICC·(π²/3)/(1 − ICC) with CAC = 1.
        #expect(abs(r.clusterVariance - 0.05 * Double.pi * Double.pi / 3 / 0.95) < 1e-12)
        #expect(r.clusterPeriodVariance == 0)
    }

    @Test("CAC splits the logit-scale variance; the linearized scale is larger than the latent one")
    func varianceSplit() {
        var a = PowerDesignTests.swift
        a.correlation = .nestedExchangeable(cac: 0.6)
        let settings = PowerSimulationSettings(trials: 2, seed: "v", scale: .linearized)
        let r = SimulatedPower.run(Self.swift, assumptions: a, settings: settings)
        let total = ClusterVarianceScale.linearized.totalVariance(icc: 0.05, pooledProportion: 0.495)
        #expect(abs(total - 0.05 / (0.95 * 0.495 * 0.505)) < 1e-12)
        #expect(abs(r.clusterVariance - 0.6 * total) < 1e-12 && abs(r.clusterPeriodVariance - 0.4 * total) < 1e-12)
        #expect(total > ClusterVarianceScale.latent.totalVariance(icc: 0.05, pooledProportion: 0.495))
    }

    /// With 24 clusters the Hussey & Hughes approximation holds: the GLMM's simulated power agrees with the
    /// analytic one within Monte Carlo error. Settings: the swCRTdesign README design (24 clusters, 6 per step,
    /// 5 periods), p0 0.30, p1 0.40, ICC 0.02 on the linearized scale (the logit image of the analytic model),
    /// m = 10; analytic power 0.631 (simulated 0.660 with this seed). 300 trials: MC SE about 0.028. The check allows 3 MC SE plus 0.02
    /// for the difference between the risk-difference Wald test of the formula and the GLMM's log-OR Wald test
    /// (about 0.01 here; both are asymptotically equivalent).
    @Test("simulated and analytic power agree within Monte Carlo error with 24 clusters")
    func agreesWithManyClusters() throws {
        let design = try DesignPower(protocol: try PowerProtocols.readme24())
        let a = PowerAssumptions(
            controlProportion: 0.3, interventionProportion: 0.4, icc: 0.02, clusterPeriodSize: 10)
        let analytic = design.analyticPower(a).power
        let r = SimulatedPower.run(
            design, assumptions: a, settings: PowerSimulationSettings(trials: 300, seed: "agree", scale: .linearized))
        #expect(analytic > 0.55 && analytic < 0.7, "analytic \(analytic)")
        #expect(r.nonconverged == 0)
        #expect(abs(r.power.estimate - analytic) <= 3 * r.monteCarloStandardError + 0.02,
                "simulated \(r.power.estimate) vs analytic \(analytic), MC SE \(r.monteCarloStandardError)")
        // The GLMM is well behaved here: small bias, coverage near 95%, SE matching the spread.
        #expect(abs(r.bias) < 0.05, "bias \(r.bias)")
        #expect(abs(r.coverage - 0.95) < 0.04, "coverage \(r.coverage)")
        #expect(abs(r.meanStandardError / r.empiricalStandardDeviation - 1) < 0.15)
    }

    @Test("under the null the Wald test rejects at about α (many clusters)")
    func nullRejection() throws {
        let design = try DesignPower(protocol: try PowerProtocols.readme24())
        let a = PowerAssumptions(
            controlProportion: 0.3, interventionProportion: 0.3, icc: 0.02, clusterPeriodSize: 20)
        let r = SimulatedPower.run(design, assumptions: a, settings: PowerSimulationSettings(trials: 200, seed: "null"))
        #expect(r.trueLogOddsRatio == 0)
        // α = 0.05; 200 trials: SE 0.0154. Allow 3 SE above (Wald GLMM tests are mildly anticonservative).
        #expect(r.power.estimate < 0.05 + 3 * 0.0154, "type I error \(r.power.estimate)")
    }
}

/// A thread-safe list of progress counts.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int] = []

    func append(_ value: Int) {
        lock.lock()
        storage.append(value)
        lock.unlock()
    }

    var values: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

@Suite("Power: simulation under decay")
struct PowerSimulationDecayTests {
    @Test("decay puts the whole logit variance in AR(1) cluster-period effects; the fit still runs")
    func decay() {
        var a = PowerDesignTests.swift
        a.correlation = .exponentialDecay(r: 0.8)
        let r = SimulatedPower.run(
            PowerSimulationTests.swift, assumptions: a, settings: PowerSimulationSettings(trials: 20, seed: "d"))
        let total = ClusterVarianceScale.latent.totalVariance(icc: 0.05, pooledProportion: 0.495)
        #expect(r.clusterVariance == 0 && abs(r.clusterPeriodVariance - total) < 1e-12)
        #expect(r.usable > 15)
    }
}

extension PowerSimulationTests {
    @Test("with site × period variation the nested analysis has the larger SE and the HH analysis rejects more often")
    func nestedAnalysis() {
        var a = PowerDesignTests.swift
        a.correlation = .nestedExchangeable(cac: 0.5)
        var settings = PowerSimulationSettings(trials: 40, seed: "n", threads: 2)
        let hh = SimulatedPower.run(Self.swift, assumptions: a, settings: settings)
        settings.model = .nested
        let nested = SimulatedPower.run(Self.swift, assumptions: a, settings: settings)
        #expect(nested.usable >= 35 && nested.usable + nested.nonconverged == 40)
        #expect(nested.meanStandardError > hh.meanStandardError)
        #expect(nested.rejections <= hh.rejections)
    }
}
