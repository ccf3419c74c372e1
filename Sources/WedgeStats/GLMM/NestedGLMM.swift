// SPDX-License-Identifier: Apache-2.0

/// The nested-exchangeable logistic mixed model, a random site intercept plus a random site × period
/// intercept, fitted by the Laplace approximation as lme4's
/// `glmer(cbind(y, n − y) ~ X + (1 | site) + (1 | site:period), family = binomial, nAGQ = 1)`.
///
/// ## Model
/// `yᵢ ~ Binomial(nᵢ, μᵢ)`, `logit μᵢ = xᵢβ + u_{s(i)} + v_{s(i)p(i)}`, `u_s ~ N(0, τ²)`,
/// `v_{sp} ~ N(0, γ²)`, all independent. Two participants of one site correlate more within a period
/// than across periods: on the latent scale the within-period ICC is `(τ² + γ²)/(τ² + γ² + π²/3)` and
/// the between-period one `τ²/(τ² + γ² + π²/3)`, their ratio the cluster autocorrelation
/// `τ²/(τ² + γ²)` (Hooper, Teerenstra, de Hoop & Eldridge 2016, *Stat Med* 35:4718–4728; Girling &
/// Hemming 2016, *Stat Med* 35:2149–2166). The Hussey–Hughes model is the special case `γ = 0`; when
/// `γ > 0` it understates the SE of the treatment effect (Kasza, Hemming, Hooper, Matthews & Forbes 2019,
/// *Stat Methods Med Res* 28:703–716).
///
/// ## Algorithm
/// The marginal likelihood factorises by site; within a site the random effects are `(u, v₁ … v_T)`.
/// ``NestedGLMMObjective`` computes the joint Laplace approximation over all of them, as lme4 does for
/// `nAGQ = 1` (Bates, Mächler, Bolker & Walker 2015, *J Stat Softw* 67(1)), exploiting the arrow-shaped
/// Hessian. The deviance is minimised over `(θ₁, θ₂, β)` by ``DifferenceNewton`` from the ordinary
/// logistic-regression β and the best of a small grid of SDs, with the exact gradient (implicit
/// differentiation through the modes, ``NestedGLMMObjective``) and a Hessian by central differences of it;
/// it is even in each θ, so `τ = |θ₁|`,
/// `γ = |θ₂|`, and a stationary point at `θₖ = 0` with negative curvature is escaped by a restart.
/// `vcov(β̂)` is the β block of `2H⁻¹`, `H` that Hessian at the optimum (lme4's default; lme4 forms `H` by
/// central differences of the deviance itself, `deriv12` with step 1e-4).
///
/// ## Agreement with lme4
/// Checked against lme4 in `Tests/WedgeStatsTests/Fixtures/models` (see `NestedGLMMReferenceTests`): the
/// log-likelihood is never below lme4's by more than 1e-4, the log OR agrees within 1e-3 and its SE
/// within 1%.
public enum NestedGLMM {
    /// Fits the nested-exchangeable model to binomial cells.
    ///
    /// ```swift
    /// let fit = NestedGLMM.fit(cells, period: periodOfEachCell)
    /// print(fit.wald(1).oddsRatio, fit.siteSD, fit.sitePeriodSD, fit.isSingular)
    /// ```
    /// - Parameters:
    ///   - data: The cells, clusters 0-based. Cells should be aggregated (one per site, period and design
    ///     row) for speed; the estimates do not depend on it.
    ///   - period: The period of each cell (any integer labels): cells that share a cluster and a period
    ///     share a site × period random intercept.
    ///   - options: Tuning settings; `tolerance`, `maxIterations`, `singularTolerance` and `startingTheta`
    ///     (the starting τ, with γ = τ) are used.
    /// - Returns: The fit; never traps. Invalid cells, separation or a rank-deficient design give NaN
    ///   estimates and `converged == false` with the reason in ``NestedGLMMFit/message``.
    public static func fit(
        _ data: BinomialCells, period: [Int], options: GLMMOptions = GLMMOptions()
    ) -> NestedGLMMFit {
        if period.count != data.count {
            return failed(data, "period has \(period.count) values for \(data.count) cells; give one per cell")
        }
        if let problem = data.problem ?? LogisticGLMM.separation(data) { return failed(data, problem) }
        guard let beta0 = LogisticGLM.fit(data) else {
            return failed(data, "the fixed-effect design is rank deficient (XᵀWX is not positive definite)")
        }
        let objective = NestedGLMMObjective(data, period: period)
        let f: ([Double]) -> Double = { objective.value($0) }
        let gradient: DifferenceNewton.Gradient = { objective.valueAndGradient($0) }
        let grid: [(Double, Double)] = options.startingTheta.map { [($0, $0)] }
            ?? [(0.2, 0.2), (0.5, 0.2), (0.2, 0.5), (0.5, 0.5), (1, 0.3)]
        let start = grid.map { [$0.0, $0.1] + beta0 }.min { f($0) < f($1) }!
        let tolerance = max(options.tolerance, 1e-10)
        var outcome = DifferenceNewton.minimize(
            f, gradient: gradient, from: start, tolerance: tolerance, maxIterations: options.maxIterations)
        for k in 0..<2 where abs(outcome.parameters[k]) < 1e-5 && outcome.hessian[k, k] < 0 {
            // θₖ = 0 is stationary for the even deviance; negative curvature makes it a saddle.
            var restart = outcome.parameters
            restart[k] = 0.5
            let second = DifferenceNewton.minimize(
                f, gradient: gradient, from: restart, tolerance: tolerance, maxIterations: options.maxIterations)
            if second.value < outcome.value { outcome = second }
        }
        return assemble(data, objective, outcome, options)
    }

    /// Builds the reported fit from the optimum.
    static func assemble(
        _ data: BinomialCells, _ objective: NestedGLMMObjective, _ outcome: DifferenceNewton.Outcome,
        _ options: GLMMOptions
    ) -> NestedGLMMFit {
        let p = data.design.columns
        var phi = outcome.parameters
        phi[0] = abs(phi[0])
        phi[1] = abs(phi[1])
        let value = objective.value(phi)
        let hessian = outcome.hessian
        var message = outcome.message
        var covariance = Matrix(rows: p, columns: p)
        var joint = false
        if let factor = Cholesky(hessian) {
            let inverse = factor.inverse
            for i in 0..<p { for j in 0..<p { covariance[i, j] = 2 * inverse[i + 2, j + 2] } }
            joint = true
        } else {
            var block = Matrix(rows: p, columns: p)
            for i in 0..<p { for j in 0..<p { block[i, j] = 0.5 * hessian[i + 2, j + 2] } }
            covariance = Cholesky(block)?.inverse ?? LogisticGLMM.nanMatrix(p)
            message += "; the Hessian over (θ, β) is not positive definite, so standard errors are conditional "
                + "on the variance components"
        }
        let tau = phi[0], gamma = phi[1]
        let singular = tau < options.singularTolerance || gamma < options.singularTolerance
        if singular {
            message += "; singular fit (site SD \(tau), site × period SD \(gamma); tolerance \(options.singularTolerance))"
        }
        let modes = objective.modes(theta1: tau, theta2: gamma)
        return NestedGLMMFit(
            coefficients: Array(phi[2...]),
            standardErrors: covariance.diagonal.map { $0.squareRoot() },
            covariance: covariance, hasJointHessian: joint, siteSD: tau, sitePeriodSD: gamma,
            siteEffects: modes.site, logLikelihood: -0.5 * value, sitePeriodCount: objective.groupCount,
            iterations: outcome.iterations, evaluations: objective.evaluations, converged: outcome.converged,
            isSingular: singular, message: message)
    }

    /// A fit of NaNs for data that cannot be fitted.
    static func failed(_ data: BinomialCells, _ reason: String) -> NestedGLMMFit {
        let p = data.design.columns
        let nans = Array(repeating: Double.nan, count: p)
        return NestedGLMMFit(
            coefficients: nans, standardErrors: nans, covariance: LogisticGLMM.nanMatrix(p), hasJointHessian: false,
            siteSD: .nan, sitePeriodSD: .nan, siteEffects: Array(repeating: .nan, count: data.clusterCount),
            logLikelihood: .nan, sitePeriodCount: 0, iterations: 0, evaluations: 0, converged: false,
            isSingular: false, message: reason)
    }
}
