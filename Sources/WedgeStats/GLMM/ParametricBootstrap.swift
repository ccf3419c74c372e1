// SPDX-License-Identifier: Apache-2.0

import RealModule

/// The parametric bootstrap likelihood-ratio test of one fixed effect of the random-intercept logistic model, as
/// pbkrtest's `PBmodcomp(largeModel, smallModel)` does it for a `glmer` fit.
///
/// ## Method
/// The observed statistic is `LRT = 2(ℓ_full − ℓ_null)`, the null model dropping design column `k`. Replicate `r`
/// simulates a new trial from the **fitted null model**, new site effects included (lme4's `simulate()` with its
/// default `re.form = NA`): `u_c ~ N(0, τ̂₀²)`, `y*ᵢ ~ Binomial(nᵢ, expit(oᵢ + x₀ᵢβ̂₀ + u_c))`; then refits **both**
/// models to it and records `LRT*_r`. pbkrtest's p-value (Halekoh & Højsgaard 2014, *J Stat Softw* 59(9), §4)
/// counts only positive replicates (a non-positive LRT* is a boundary or failed refit):
///
///     p = (1 + #{r : LRT*_r > LRT}) / (1 + #{r : LRT*_r > 0}).
///
/// Its Monte Carlo SE is about `√(p(1 − p)/B)`. The reference distribution is that of the statistic under the
/// fitted null, so unlike the χ²₁ reference it reflects the small number of clusters (Davison & Hinkley 1997,
/// *Bootstrap Methods and their Application*, §4.2).
///
/// ## Reproducibility and cost
/// Replicate `r` draws from its own ``SeededGenerator`` whose seed is the first output of a SplitMix64 started at
/// `seed + r·0xD1B54A32D192ED03`, in a fixed order (one normal per cluster, then one binomial per cell), so the
/// result does not depend on how replicates are spread over threads. Refits start from the observed fits' Hessians
/// and update them by BFGS (``GLMMOptions/quasiNewton``): they need only the maximised log-likelihoods, which
/// converge to the same Newton-decrement tolerance (1e-10 in deviance). At SWIFT size (30 cells) a replicate is two
/// fits of about 60 µs each.
public struct ParametricBootstrap: Sendable {
    /// The cells, with the full design.
    public let data: BinomialCells
    /// The design column tested.
    public let coefficient: Int
    /// The integral approximation of every fit.
    public let method: GLMMMethod
    /// The fit of the full model to ``data``.
    public let full: GLMMFit
    /// The fit of the null model (column ``coefficient`` dropped).
    public let null: GLMMFit
    /// The observed statistic `2(ℓ_full − ℓ_null)` (never below 0).
    public let statistic: Double
    private let nullCells: BinomialCells

    /// Fits both models to `data`; `full` may be passed when it is already at hand.
    /// - Parameters:
    ///   - data: The cells.
    ///   - coefficient: The design column to test (1 for the treatment after an intercept).
    ///   - method: Laplace (default) or adaptive quadrature.
    ///   - full: An existing fit of the full model with `method`, or `nil` to fit it.
    public init(_ data: BinomialCells, coefficient: Int, method: GLMMMethod = .laplace, full: GLMMFit? = nil) {
        self.data = data
        self.coefficient = coefficient
        self.method = method
        let full = full ?? LogisticGLMM.fit(data, method: method)
        nullCells = LogisticGLMM.dropping(coefficient, from: data)
        let null = LogisticGLMM.fit(nullCells, method: method)
        self.full = full
        self.null = null
        statistic = max(0, 2 * (full.logLikelihood - null.logLikelihood))
    }

    /// Whether both observed fits converged, so that replicates can be drawn.
    public var isUsable: Bool { full.converged && null.converged && statistic.isFinite }

    /// Simulates replicate `r` from the fitted null model and refits both models.
    /// - Parameters:
    ///   - r: The replicate index, 0-based.
    ///   - seed: The run's seed.
    /// - Returns: `LRT*_r`, or NaN when a refit fails.
    public func replicate(_ r: Int, seed: UInt64) -> Double {
        guard isUsable else { return .nan }
        var mixer = SeededGenerator(seed: seed &+ UInt64(r) &* 0xD1B5_4A32_D192_ED03)
        var rng = SeededGenerator(seed: mixer.next())
        let clusters = data.clusterCount
        let effects = (0..<clusters).map { _ in null.siteSD * Sampling.standardNormal(using: &rng) }
        var simulated = data
        var nullSimulated = nullCells
        for i in 0..<data.count {
            var eta = data.offset?[i] ?? 0
            for j in 0..<nullCells.design.columns { eta += nullCells.design[i, j] * null.coefficients[j] }
            eta += effects[data.cluster[i]]
            let y = Double(Sampling.binomial(trials: Int(data.trials[i]), p: 1 / (1 + Double.exp(-eta)), using: &rng))
            simulated.successes[i] = y
            nullSimulated.successes[i] = y
        }
        let refitFull = LogisticGLMM.fit(simulated, method: method, options: Self.warmStart(full))
        let refitNull = LogisticGLMM.fit(nullSimulated, method: method, options: Self.warmStart(null))
        guard refitFull.converged, refitNull.converged else { return .nan }
        return 2 * (refitFull.logLikelihood - refitNull.logLikelihood)
    }

    /// Quasi-Newton options that start from `fit`'s Hessian and θ.
    static func warmStart(_ fit: GLMMFit) -> GLMMOptions {
        var options = GLMMOptions(startingTheta: fit.siteSD > 1e-3 ? fit.siteSD : nil, quasiNewton: true)
        options.initialHessian = fit.finalHessian
        return options
    }

    /// pbkrtest's p-value from the replicates (NaN entries are failures and are left out).
    /// - Parameter replicates: `LRT*_r` for every replicate, in order.
    /// - Returns: The test result.
    public func result(_ replicates: [Double]) -> ParametricBootstrapResult {
        ParametricBootstrapResult(statistic: statistic, replicates: replicates)
    }
}
