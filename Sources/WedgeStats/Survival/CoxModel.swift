// SPDX-License-Identifier: Apache-2.0

/// A Cox proportional-hazards model fitted by Newton–Raphson, as `survival::coxph`.
///
/// ## Model and estimator
/// Hazard `λ(t | x) = λ₀ₛ(t)·exp(xᵀβ)` with an unspecified baseline `λ₀ₛ` per stratum `s` (Cox 1972).
/// `β̂` maximizes the log partial likelihood, summed over strata and distinct event times `t` with
/// event set `D` (`d` events) and risk set `R` (`time ≥ t`):
///
///     ℓ(β) = Σ_t [ Σ_{i∈D} xᵢᵀβ − Σ_{k=0}^{d−1} log( Σ_{j∈R} e^{xⱼᵀβ} − (k/d)·Σ_{j∈D} e^{xⱼᵀβ} ) ]
///
/// (Efron 1977; with ``CoxTies/breslow`` every term uses the full risk set).
///
/// ## Algorithm (coxph's `coxfit6`, `coxph.control()` defaults)
/// Start at `β = 0`; score test `U(0)ᵀ I(0)⁻¹ U(0)`; Newton steps `β ← β + I(β)⁻¹U(β)`; stop at the
/// first iterate whose log-likelihood satisfies `|1 − ℓ_prev/ℓ_new| ≤ ε` (`ε = 1e-9`), at most 20
/// iterations. A step that lowers `ℓ` (or overflows) is pulled back towards the previous point,
/// `(new + h·old)/(h + 1)` on the `h`-th successive failure. Iterates match coxph step for step,
/// so estimates agree with R to about 1e-12 rather than to the stopping tolerance.
///
/// ## Variances
/// - ``variance``: model-based `I(β̂)⁻¹`, the inverse observed information.
/// - ``robustVariance`` (when clusters are given): the grouped-dfbeta sandwich of Lin & Wei (1989),
///   `V_R = Σ_c D_cᵀ D_c`, `D_c = Σ_{i∈c} Lᵢ I(β̂)⁻¹`, with `Lᵢ` the score residuals; coxph's
///   `cluster =` `robust` variance, no small-sample correction. With few clusters (6 sites) it is
///   biased downwards; say so when reporting it.
///
/// ## Edge cases
/// Never throws. Observations with a NaN time are dropped. A singular information matrix (for
/// example a constant covariate) or a fit that does not converge in `maxIterations` gives
/// ``isConverged`` `false`; a singular matrix also gives NaN variances. Separation (an infinite
/// `β̂`) shows as a huge coefficient and variance, as in R, and sets ``coefficientMayBeInfinite``.
///
/// ```swift
/// let x = Matrix(rapid.indices.map { [Double(rapid[$0]), age[$0]] })
/// let fit = CoxModel(time: days, event: dropped, covariates: x, cluster: site)
/// fit.coefficientTable()[0].hazardRatio   // HR for rapid, robust 95% CI
/// ```
///
/// References: D. R. Cox (1972), "Regression models and life-tables", *JRSS B* 34, 187–220.
/// B. Efron (1977), *JASA* 72, 557–565. D. Y. Lin & L. J. Wei (1989), "The robust inference for the
/// Cox proportional hazards model", *JASA* 84, 1074–1078. T. M. Therneau & P. M. Grambsch (2000),
/// *Modeling Survival Data*, Springer, §3.3 and §7.2.
public struct CoxModel: Sendable, Equatable {
    /// `β̂`, one per covariate column (log hazard ratios).
    public let coefficients: [Double]
    /// The model-based variance `I(β̂)⁻¹` (coxph's `naive.var` when clustered).
    public let variance: Matrix
    /// The cluster-robust sandwich variance, or `nil` when no clusters were given.
    public let robustVariance: Matrix?
    /// `ℓ(0)`, the log partial likelihood at the start (coxph's `loglik[1]`).
    public let initialLogLikelihood: Double
    /// `ℓ(β̂)` (coxph's `loglik[2]`).
    public let logLikelihood: Double
    /// The score test statistic `U(0)ᵀ I(0)⁻¹ U(0)` (coxph's `score`), on `p` degrees of freedom.
    public let scoreStatistic: Double
    /// Newton–Raphson iterations used (coxph's `iter`).
    public let iterations: Int
    /// Whether the relative log-likelihood change met the tolerance with a nonsingular information.
    public let isConverged: Bool
    /// The tie method used.
    public let ties: CoxTies
    /// Observations used.
    public let count: Int
    /// Events among them.
    public let eventCount: Int
    /// Per coefficient, whether it may be infinite (separation), by coxph's test behind its warning
    /// "coefficient may be infinite" (see ``mayBeInfinite(beta:variance:score:tolerance:)``). Such a fit
    /// converges on the flat likelihood with a huge `β̂` and model SE, but its robust SE need not be large:
    /// do not report a flagged coefficient as an estimate. Always `false` when the fit did not converge.
    public let coefficientMayBeInfinite: [Bool]

    /// Fits the model.
    /// - Parameters:
    ///   - time: Follow-up time of each observation.
    ///   - event: `true` for an event, `false` for censoring.
    ///   - covariates: One row per observation, one column per covariate (no intercept column).
    ///   - strata: Optional stratum labels, each with its own baseline hazard (for example period).
    ///   - cluster: Optional cluster labels (for example site) for the robust variance.
    ///   - ties: Tie handling (default ``CoxTies/efron``, as coxph).
    ///   - maxIterations: Newton–Raphson limit (default 20, coxph's `iter.max`).
    ///   - tolerance: Relative log-likelihood change that stops the iteration (default 1e-9, coxph's `eps`).
    public init(
        time: [Double], event: [Bool], covariates: Matrix, strata: [Int]? = nil, cluster: [Int]? = nil,
        ties: CoxTies = .efron, maxIterations: Int = 20, tolerance: Double = 1e-9
    ) {
        precondition(time.count == event.count && time.count == covariates.rows, "length mismatch")
        precondition(strata.map { $0.count == time.count } ?? true, "strata length mismatch")
        precondition(cluster.map { $0.count == time.count } ?? true, "cluster length mismatch")
        let likelihood = CoxPartialLikelihood(
            time: time, event: event, covariates: covariates, strata: strata, ties: ties)
        let fit = likelihood.newtonRaphson(maxIterations: maxIterations, tolerance: tolerance)
        coefficients = fit.beta
        variance = fit.variance
        initialLogLikelihood = fit.initialLogLikelihood
        logLikelihood = fit.logLikelihood
        scoreStatistic = fit.scoreStatistic
        iterations = fit.iterations
        isConverged = fit.isConverged
        self.ties = ties
        count = likelihood.order.count
        eventCount = likelihood.event.filter { $0 }.count
        coefficientMayBeInfinite =
            fit.isConverged
            ? Self.mayBeInfinite(
                beta: fit.beta, variance: fit.variance, score: likelihood.evaluate(fit.beta).score,
                tolerance: tolerance)
            : Array(repeating: false, count: fit.beta.count)
        robustVariance = cluster.map { labels in
            likelihood.robustVariance(
                beta: fit.beta, variance: fit.variance, cluster: likelihood.order.map { labels[$0] })
        }
    }

    /// Model-based standard errors, `√diag I(β̂)⁻¹`.
    public var standardErrors: [Double] { variance.diagonal.map { $0.squareRoot() } }

    /// Cluster-robust standard errors, or `nil` without clusters.
    public var robustStandardErrors: [Double]? { robustVariance.map { $0.diagonal.map { $0.squareRoot() } } }

    /// The likelihood-ratio statistic `2(ℓ(β̂) − ℓ(0))`, χ² on `p` degrees of freedom under `β = 0`.
    public var likelihoodRatioStatistic: Double { 2 * (logLikelihood - initialLogLikelihood) }
}
