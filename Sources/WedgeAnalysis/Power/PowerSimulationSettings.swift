// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// How ``SimulatedPower`` runs: how many trials, from which seed, with which analysis.
public struct PowerSimulationSettings: Sendable, Equatable {
    /// How the Monte Carlo interval of the simulated power is computed.
    public enum IntervalMethod: String, Sendable, Equatable, CaseIterable {
        /// Wilson score interval (``ProportionInterval/wilson(successes:trials:confidenceLevel:)``).
        case wilson
        /// Clopper–Pearson exact interval (``ProportionInterval/clopperPearson(successes:trials:confidenceLevel:)``).
        case exact
    }

    /// The number of simulated trials `N ≥ 1`.
    public var trials: Int
    /// The seed. Trial `r` (0-based) draws from `KeyedRandomStream(seed: seed, label: "power/<r>")`.
    public var seed: String
    /// The planned analysis: the logistic GLMM by Laplace (default) or adaptive Gauss–Hermite quadrature.
    public var method: GLMMMethod
    /// How the ICC becomes a logit-scale cluster variance. Default ``ClusterVarianceScale/latent``.
    public var scale: ClusterVarianceScale
    /// Worker threads; `nil` (the default) uses every active processor. The result never depends on it.
    public var threads: Int?
    /// The Monte Carlo interval of the power. Default Wilson.
    public var intervalMethod: IntervalMethod
    /// The level of the Monte Carlo interval. Default 0.95.
    public var intervalLevel: Double
    /// The model that analyses each simulated trial. Default ``AnalysisModel/husseyHughes``, fitted with
    /// ``method``; the models with a site × period intercept (the model the data are simulated from when the
    /// cluster autocorrelation is below 1) are fitted by ``NestedGLMM`` (Laplace) whatever ``method`` says.
    public var model: AnalysisModel = .husseyHughes
    /// How the true effect depends on exposure time. Default ``ExposureEffectShape/immediate``.
    public var exposureEffect: ExposureEffectShape = .immediate
    /// The exposure times the TATE averages over (the estimand of the exposure-time models, and the true value
    /// that bias and coverage refer to); `nil` (the default) means `1 … S`, `S` the largest exposure time.
    public var exposureRange: ClosedRange<Int>?

    /// Creates settings.
    /// - Parameters:
    ///   - trials: The number of simulated trials.
    ///   - seed: The seed.
    ///   - method: Defaults to Laplace.
    ///   - scale: Defaults to the latent-variable conversion.
    ///   - threads: Defaults to all processors.
    ///   - intervalMethod: Defaults to Wilson.
    ///   - intervalLevel: Defaults to 0.95.
    public init(
        trials: Int, seed: String, method: GLMMMethod = .laplace, scale: ClusterVarianceScale = .latent,
        threads: Int? = nil, intervalMethod: IntervalMethod = .wilson, intervalLevel: Double = 0.95
    ) {
        self.trials = trials
        self.seed = seed
        self.method = method
        self.scale = scale
        self.threads = threads
        self.intervalMethod = intervalMethod
        self.intervalLevel = intervalLevel
    }
}
