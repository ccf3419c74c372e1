// SPDX-License-Identifier: Apache-2.0

internal import Dispatch
internal import Foundation
internal import WedgeStats

/// Power by simulation: simulate many trials from the design and assumptions, fit the planned analysis to each,
/// and count how often its Wald test rejects (swCRTdesign's `swSimPwr` for the GLMM, in seconds).
///
/// ## Model
/// For row (site) `i` and period `j` with `m_ij > 0` analysed participants, the number initiating is
///
///     y_ij ~ Binomial(m_ij, expit(logit p₀ + β_j + θ·f(e_ij)·X_ij + u_i + v_ij))
///
/// with `θ = logit p₁ − logit p₀`, the logit-scale period shifts `β_j` of ``PowerAssumptions/periodEffects``
/// (default 0), the exposure time `e_ij = j − c_i + 1` of a treated cell (`c_i` the row's first intervention
/// period, so `e = 1` there; counted from the crossover, also when transition weeks shrink that cell), the
/// fraction `f(e)` of the full effect reached at exposure time `e` (``ExposureEffectShape``; 1 by default), a
/// site effect `u_i ~ N(0, τ²)` and a cluster × period effect `v_ij ~ N(0, γ²)`. The ICC becomes the logit-scale
/// total `σ²_L` by ``ClusterVarianceScale``; then `τ² = CAC·σ²_L` and `γ² = (1 − CAC)·σ²_L`, or, under
/// exponential decay, `u_i = 0` and `v_i·` is a stationary AR(1) series with variance `σ²_L` and lag-one
/// correlation `r` (covariance `σ²_L·r^|j−k|`, Kasza et al. 2019). The trial is simulated at the level of
/// cells, binomial counts per cluster-period, rather than individuals: the likelihood of the collapsed data
/// gives the same fit.
///
/// ## Analysis
/// Each trial is fitted by the model of ``PowerSimulationSettings/model`` (``AnalysisModel``) with design
/// columns intercept, the treatment columns and one indicator per observed period after the first:
/// ``LogisticGLMM/fit(_:method:options:)`` for a site intercept, ``NestedGLMM/fit(_:period:options:)`` for site
/// and site × period intercepts. The immediate-treatment models test their treatment coefficient, the log OR;
/// the exposure-time models (ETI, NCS) test the time-averaged treatment effect over
/// ``PowerSimulationSettings/exposureRange`` (default `1 … S`), `TATE = (e₂ − e₁ + 1)⁻¹ Σ θ̂(e)` with
/// `SE = √(aᵀCa)` (Kenny, Voldal, Xia & Heagerty 2022, *Stat Med* 41:4311–4339). The test is the two-sided Wald
/// z test at level α with lme4's default SE; bias and coverage (of the Wald 95% interval) refer to the true value
/// of the estimand: `θ` when the effect is immediate, else the TATE of the true curve `θ·f(e)` over the same range
/// (for the immediate-treatment analyses too, which then estimate a weighted mixture of the exposure-time effects
/// and may be biased for it). With `CAC < 1` or decay the Hussey–Hughes analysis omits the cluster × period
/// effect, as a planned analysis might: the simulation shows what that costs.
///
/// ## Reproducibility
/// Trial `r` (0-based) draws from its own ``KeyedRandomStream`` with the label `"power/r"`: for each row, one
/// normal for `u_i`; then for each period, one normal for `v_ij` and, when `m_ij > 0`, one
/// ``Sampling/binomial(trials:p:using:)`` draw. The trials run on ``PowerSimulationSettings/threads`` workers
/// (`DispatchQueue.concurrentPerform`), each result lands in its trial's slot and the summaries are formed in
/// trial order, so the output is identical for any number of threads.
///
/// ## Monte Carlo error
/// With `N` usable fits the power's SE is `√(p(1 − p)/N)`: at most 0.016 for `N = 1000`.
///
/// Reference: Baio G, Copas A, Ambler G, Hargreaves J, Beard E, Omar RZ (2015). Sample size calculation for a
/// stepped wedge trial. *Trials* 16:354 (simulation-based power for stepped-wedge GLMMs).
public enum SimulatedPower {
    /// Simulates `settings.trials` trials of `design` and summarises the fits.
    ///
    /// - Parameters:
    ///   - design: The design, from a protocol.
    ///   - assumptions: Proportions, ICC and correlation, cluster-period size, α and period effects.
    ///   - settings: Trials, seed, analysis method, ICC scale and threads.
    ///   - progress: Called with the number of trials finished so far (1, 2, …, N, in increasing order, one
    ///     call at a time, from worker threads).
    /// - Returns: Power with its Monte Carlo interval, bias, coverage and the failure counts.
    public static func run(
        _ design: DesignPower, assumptions: PowerAssumptions, settings: PowerSimulationSettings,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> SimulatedPowerResult {
        run(
            treatment: design.treatment, sizes: design.sizes(for: assumptions),
            assumptions: assumptions, settings: settings, progress: progress)
    }

    /// Why `settings` cannot be simulated for `design`, or `nil` when they can: an exposure-time analysis needs
    /// at least two exposure times among the analysed cells, and the TATE range must lie within `1 … S`.
    /// - Parameters:
    ///   - design: The design.
    ///   - assumptions: The assumptions (for the analysed sizes).
    ///   - settings: The settings.
    /// - Returns: A sentence naming the largest exposure time `S`, or `nil`.
    public static func problem(
        _ design: DesignPower, assumptions: PowerAssumptions, settings: PowerSimulationSettings
    ) -> String? {
        let s = PowerSimulationModel.maxExposure(
            PowerSimulationModel.exposure(design.treatment), sizes: design.sizes(for: assumptions))
        if !settings.model.isImmediate && s < 2 {
            return "The \(settings.model.label) analysis needs at least two exposure times, but no site of "
                + "\(design.studyID) has more than \(s) analysed period\(s == 1 ? "" : "s") on the intervention."
        }
        if let range = settings.exposureRange, range.upperBound > max(s, 1) {
            return "The TATE range \(range.lowerBound)-\(range.upperBound) goes beyond the largest exposure time of "
                + "\(design.studyID), \(s) (exposure time 1 is a site's first period on the intervention)."
        }
        return nil
    }

    /// Simulates trials of an explicit design: `treatment[i][j]` in {0, 1} and analysed sizes `sizes[i][j]`
    /// (0 = not observed). ``PowerAssumptions/clusterPeriodSize`` and ``PowerAssumptions/cellSizes`` are ignored.
    ///
    /// - Parameters:
    ///   - treatment: `X[row][period]`.
    ///   - sizes: `m[row][period]`, the same shape.
    ///   - assumptions: The assumptions.
    ///   - settings: The settings.
    ///   - progress: As in ``run(_:assumptions:settings:progress:)``.
    /// - Returns: The summary.
    public static func run(
        treatment: [[Double]], sizes: [[Int]], assumptions: PowerAssumptions, settings: PowerSimulationSettings,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> SimulatedPowerResult {
        let model = PowerSimulationModel(
            treatment: treatment, sizes: sizes, assumptions: assumptions, scale: settings.scale,
            analysis: settings.model, shape: settings.exposureEffect, range: settings.exposureRange)
        let count = max(0, settings.trials)
        let outcomes = ReplicateSlots<ReplicateOutcome>.run(count: count, threads: settings.threads, progress: progress) {
            model.replicate($0, seed: settings.seed, method: settings.method)
        }
        return summarise(outcomes, model: model, settings: settings)
    }

    /// The summary of per-trial outcomes, in trial order.
    static func summarise(
        _ outcomes: [ReplicateOutcome], model: PowerSimulationModel, settings: PowerSimulationSettings
    ) -> SimulatedPowerResult {
        let usable = outcomes.filter(\.isUsable)
        let n = usable.count
        let rejections = usable.filter(\.rejected).count
        let interval =
            settings.intervalMethod == .wilson
            ? ProportionInterval.wilson(successes: rejections, trials: n, confidenceLevel: settings.intervalLevel)
            : ProportionInterval.clopperPearson(
                successes: rejections, trials: n, confidenceLevel: settings.intervalLevel)
        let p = n > 0 ? Double(rejections) / Double(n) : .nan
        var sum = 0.0, seSum = 0.0
        for o in usable {
            sum += o.estimate
            seSum += o.standardError
        }
        let mean = n > 0 ? sum / Double(n) : .nan
        var squares = 0.0
        for o in usable { squares += (o.estimate - mean) * (o.estimate - mean) }
        return SimulatedPowerResult(
            trials: outcomes.count, usable: n, rejections: rejections, power: interval,
            monteCarloStandardError: n > 0 ? (p * (1 - p) / Double(n)).squareRoot() : .nan,
            trueLogOddsRatio: model.theta, trueEffect: model.trueEffect, trueCurve: model.trueCurve,
            tateRange: model.analysis.isImmediate && settings.exposureEffect.isImmediate ? nil : model.range,
            meanEstimate: mean, bias: mean - model.trueEffect,
            coverage: n > 0 ? Double(usable.filter(\.covered).count) / Double(n) : .nan,
            meanStandardError: n > 0 ? seSum / Double(n) : .nan,
            empiricalStandardDeviation: n > 1 ? (squares / Double(n - 1)).squareRoot() : .nan,
            nonconverged: outcomes.count - n, singular: usable.filter(\.singular).count,
            clusterVariance: model.tau * model.tau, clusterPeriodVariance: model.gamma * model.gamma)
    }
}
