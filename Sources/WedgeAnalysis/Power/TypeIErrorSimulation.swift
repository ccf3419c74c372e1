// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeCore
import WedgeStats

/// The size of every test Wedge offers for the planned design: simulate trials under no effect and count how often
/// each test rejects at level α (`wedge power --simulate N --null`).
///
/// ## Model
/// Trials are drawn exactly as by ``SimulatedPower`` (the same streams, labels `"power/r"`), with the intervention
/// proportion set to the control one, so `θ = 0`: site effects `u_i ~ N(0, τ²)` (and cluster × period effects when
/// `CAC < 1`), binomial counts per site × period. Each trial becomes one row per participant with the design's
/// site, period and condition, and goes through ``PrimaryAnalysis/run(_:options:progress:)`` exactly as
/// `wedge analyze` would: so the table measures the tests as shipped.
///
/// ## Tests
/// GLMM Wald z (lme4's `summary()`); GLMM Wald t with clusters − 2 df (Wedge's default); the GLMM likelihood-ratio
/// χ²₁ test; the GLMM parametric bootstrap LRT with `bootstrapReplicates` replicates; GEE with robust,
/// Kauermann–Carroll and Mancl–DeRouen SEs on the t reference (clusters − 2); and the permutation test with the
/// GLMM statistic over the design's allocations (exact up to ``PrimaryAnalysisOptions/exactLimit``). A test
/// rejects when `p ≤ α`; with `B + 1` a multiple of `1/α` (B = 99, 199, …) and exact permutation, the bootstrap
/// and permutation tests then have size at most α by construction when their reference is right.
///
/// ## Monte Carlo error
/// Each rate has a Wilson interval at ``PowerSimulationSettings/intervalLevel``; with `N` trials and a true size of
/// 5% its SE is `√(0.05·0.95/N)`: 0.0069 for N = 1,000.
public enum TypeIErrorSimulation {
    /// The tests, in table order.
    public static let tests = [
        "GLMM Wald z (normal reference)", "GLMM Wald t (clusters − 2 df)", "GLMM likelihood ratio (χ²₁)",
        "GLMM parametric bootstrap LRT", "GEE robust SE (t, clusters − 2)", "GEE Kauermann–Carroll SE (t, clusters − 2)",
        "GEE Mancl–DeRouen SE (t, clusters − 2)", "Permutation test (GLMM statistic)",
    ]

    /// Simulates `settings.trials` null trials of `design` and tests each.
    /// - Parameters:
    ///   - design: The design, from a protocol.
    ///   - assumptions: The control proportion, ICC and correlation, sizes and α (the intervention proportion is
    ///     ignored: it is set to the control one).
    ///   - settings: Trials, seed, interval level, threads.
    ///   - bootstrapReplicates: Replicates of the parametric bootstrap per trial.
    ///   - exactLimit: The permutation test is exact up to this many allocations, else Monte Carlo with
    ///     `permutationDraws` draws.
    ///   - permutationDraws: Monte Carlo permutation draws.
    ///   - progress: Called with the number of trials finished.
    /// - Returns: One row per test.
    public static func run(
        _ design: DesignPower, assumptions: PowerAssumptions, settings: PowerSimulationSettings,
        bootstrapReplicates: Int, exactLimit: Int = 100_000, permutationDraws: Int = 999,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> [TypeIErrorRate] {
        var null = assumptions
        null.interventionProportion = null.controlProportion
        let sizes = design.sizes(for: null)
        let model = PowerSimulationModel(treatment: design.treatment, sizes: sizes, assumptions: null, scale: settings.scale)
        let frame = Self.frame(design)
        var base = PrimaryAnalysisOptions(exactLimit: exactLimit, monteCarloDraws: permutationDraws)
        base.profileInterval = false
        base.bootstrapReplicates = bootstrapReplicates
        base.threads = 1
        let options = base
        let alpha = null.alpha
        let outcomes = ReplicateSlots<[Double]>.run(count: settings.trials, threads: settings.threads, progress: progress) { r in
            let cells = model.draw(r, seed: settings.seed)
            var trialOptions = options
            trialOptions.seed = UInt64(r) &+ 1
            let result = PrimaryAnalysis.run(dataset(cells, design: design, sizes: sizes, frame: frame),
                                             options: trialOptions)
            return pValues(result)
        }
        return tests.indices.map { k in
            let ps = outcomes.map { $0[k] }.filter(\.isFinite)
            let rejections = ps.filter { $0 <= alpha }.count
            let interval = settings.intervalMethod == .wilson
                ? ProportionInterval.wilson(successes: rejections, trials: ps.count, confidenceLevel: settings.intervalLevel)
                : ProportionInterval.clopperPearson(successes: rejections, trials: ps.count,
                                                    confidenceLevel: settings.intervalLevel)
            return TypeIErrorRate(test: tests[k], rejections: rejections, usable: ps.count, trials: outcomes.count,
                                  rate: interval, alpha: alpha)
        }
    }

    /// The p-values of ``tests`` for one analysis (NaN when a test could not be done).
    static func pValues(_ r: PrimaryAnalysis) -> [Double] {
        let g = r.glmm.flatMap { $0.converged ? $0 : nil }
        let gee = r.gee.flatMap { $0.converged ? $0 : nil }
        return [
            g?.logOddsRatio.pValue ?? .nan, g?.tReference.pValue ?? .nan, g?.bootstrap?.chiSquarePValue ?? .nan,
            g?.bootstrap?.pValue ?? .nan, gee?.inference(.robust)?.pValue ?? .nan,
            gee?.inference(.kauermannCarroll)?.pValue ?? .nan, gee?.inference(.manclDeRouen)?.pValue ?? .nan,
            r.permutation?.pValue ?? .nan,
        ]
    }

    /// The permutation frame of the design: its distinct sequences, and each site on its own row's sequence.
    static func frame(_ design: DesignPower) -> RandomizationFrame {
        var sequences: [[Int]] = Array(repeating: [], count: (design.rowSequences.max() ?? -1) + 1)
        for (i, k) in design.rowSequences.enumerated() where sequences[k].isEmpty {
            sequences[k] = design.treatment[i].map { $0 > 0.5 ? 1 : 0 }
        }
        return RandomizationFrame(sequences: sequences, observed: design.rowSequences,
                                  source: "every allocation of the sites to the design's sequences")
    }

    /// One row per participant of simulated `cells` (in ``PowerSimulationModel/draw(_:seed:)`` order).
    static func dataset(_ cells: BinomialCells, design: DesignPower, sizes: [[Int]], frame: RandomizationFrame)
        -> AnalysisDataset
    {
        var people: [AnalysisParticipant] = []
        var k = 0
        for i in sizes.indices {
            for j in sizes[i].indices where sizes[i][j] > 0 {
                let events = Int(cells.successes[k]), treated = design.treatment[i][j] > 0.5
                for m in 0..<sizes[i][j] {
                    people.append(AnalysisParticipant(site: i, period: j + 1, treated: treated, initiated: m < events))
                }
                k += 1
            }
        }
        return AnalysisDataset(
            siteIDs: sizes.indices.map { "site-\($0 + 1)" }, periodCount: design.periodCount,
            control: ("control", "Control"), intervention: ("intervention", "Intervention"), participants: people,
            randomization: frame, missingColumns: [])
    }
}
