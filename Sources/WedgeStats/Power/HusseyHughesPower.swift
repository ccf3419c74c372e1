// SPDX-License-Identifier: Apache-2.0

/// Analytic power of a stepped-wedge (or any cluster × period) design for a binary outcome.
///
/// The model is the linear mixed model of Hussey & Hughes (2007) on the risk-difference scale, with
/// swCRTdesign's `swPwr(distn = "binomial")` conventions by default:
///
///     ȳ_ij = μ_j + θ·X_ij + (cluster effects) + ε̄_ij,    Var(ε̄_ij) = σ²/m_ij
///
/// with `θ = p₁ − p₀`, `σ² = p̄(1 − p̄)`, `p̄ = (p₀ + p₁)/2`, and cluster effects of total variance
/// `ICC·σ²/(1 − ICC)` arranged by ``ClusterCorrelation``. The variance of the GLS estimator is
///
///     Var(θ̂) = [(Σ_i Z_iᵀ V_i⁻¹ Z_i)⁻¹]_θθ,   V_i = diag(σ²/m_ij) + τ²·J + γ²·I   (or τ²·r^|j−k|)
///
/// where `Z_i` holds one indicator per period and `X_i`. Cells with `m_ij = 0` are dropped (as swPwr
/// does for `n` matrices with zeros). Power is that of the two-sided Wald z-test at level `α`:
///
///     power = Φ(|θ|/SE − z) + Φ(−|θ|/SE − z),   z = Φ⁻¹(1 − α/2).
///
/// With `CAC = 1`, no decay, no period effects and the same `m` everywhere, the variance equals
/// the Hussey & Hughes closed form, ``closedFormVariance(treatment:cellMeanVariance:clusterVariance:)``.
///
/// ## Mathematical properties
/// - The variance treats `σ²`, `τ²` and `γ²` as known (as all analytic SW power formulas do), so the
///   power is slightly optimistic for a GLMM analysis with few clusters; see swCRTdesign's `swSimPwr`.
/// - Non-finite or out-of-range inputs (`p ∉ (0, 1)`, `ICC ∉ [0, 1)`, `CAC` or `r ∉ [0, 1]`,
///   `α ∉ (0, 1)`, a negative `m`, a cell probability `p_ij ∉ (0, 1)` with period effects) give NaN in every
///   floating-point field. A design in which `θ` is not estimable (no contrast left after the period
///   effects) also gives NaN. `θ = 0` gives power `α`.
/// - Ragged or mismatched arrays are programmer errors and trap.
///
/// References:
/// - Hussey MA, Hughes JP (2007). *Contemp Clin Trials* 28:182–191 (model and closed form).
/// - Hooper R et al. (2016). *Stat Med* 35:4718–4728 (cluster autocorrelation).
/// - Kasza J et al. (2019). *Stat Methods Med Res* 28:703–716 (exponential decay).
/// - Hemming K, Taljaard M (2016). Sample size calculations for stepped wedge and cluster randomised
///   trials: a unified approach. *J Clin Epidemiol* 69:137–146 (design effect vs individual randomization).
/// - swCRTdesign `swPwr` (Hughes, Hakhu, Voldal, Xia), CRAN, v4.x.
public enum HusseyHughesPower {
    /// Power, `Var(θ̂)`, SE and design effect of the design in `input`.
    ///
    /// - Parameter input: The design and assumptions.
    /// - Returns: The result; NaN fields for invalid input or a non-estimable effect.
    public static func compute(_ input: PowerInput) -> PowerResult {
        let clusters = input.treatment.count
        let periods = input.treatment.first?.count ?? 0
        precondition(input.treatment.allSatisfy { $0.count == periods }, "ragged treatment matrix")
        precondition(
            input.clusterPeriodSizes.count == clusters
                && input.clusterPeriodSizes.allSatisfy { $0.count == periods },
            "clusterPeriodSizes must have the shape of treatment")
        if let beta = input.periodEffects {
            precondition(beta.count == periods, "periodEffects needs one entry per period")
        }
        let sigma2 = input.pooledVariance
        let theta = input.effect
        let total = input.totalSampleSize
        let z = Normal.complementaryQuantile(input.alpha / 2)
        let valid =
            isProbability(input.controlProportion) && isProbability(input.interventionProportion)
            && input.icc >= 0 && input.icc < 1 && input.correlation.isValid
            && input.alpha > 0 && input.alpha < 1
            && input.clusterPeriodSizes.allSatisfy { $0.allSatisfy { $0 >= 0 } }
        let components = input.correlation.components(totalClusterVariance: sigma2 * input.icc / (1 - input.icc))
        guard valid else {
            return PowerResult(
                power: .nan, variance: .nan, standardError: .nan, effect: theta, designEffect: .nan,
                totalSampleSize: total, outcomeVariance: sigma2, clusterVariance: .nan, clusterPeriodVariance: .nan,
                criticalValue: z)
        }
        let variance = ClusterPeriodGLS.effectVariance(
            treatment: input.treatment, sizes: input.clusterPeriodSizes, tau2: components.tau2,
            gamma2: components.gamma2, decay: components.decay
        ) { i, j in
            guard let beta = input.periodEffects else { return sigma2 }
            let p = input.controlProportion + beta[j] + theta * input.treatment[i][j]
            return isProbability(p) ? p * (1 - p) : .nan
        }
        let se = variance.squareRoot()
        return PowerResult(
            power: power(effect: theta, standardError: se, criticalValue: z), variance: variance,
            standardError: se, effect: theta, designEffect: variance / (4 * sigma2 / Double(total)),
            totalSampleSize: total, outcomeVariance: sigma2, clusterVariance: components.tau2,
            clusterPeriodVariance: components.gamma2, criticalValue: z)
    }

    /// Two-sided power of a Wald z-test: `Φ(|θ|/SE − z) + Φ(−|θ|/SE − z)` (both tails, as swPwr).
    ///
    /// - Parameters:
    ///   - effect: The true effect `θ`.
    ///   - standardError: `SE(θ̂)`; NaN propagates.
    ///   - criticalValue: `z = Φ⁻¹(1 − α/2)`.
    /// - Returns: The power in [α, 1].
    public static func power(effect: Double, standardError: Double, criticalValue: Double) -> Double {
        let shift = abs(effect) / standardError
        return Normal.complementaryCDF(criticalValue - shift) + Normal.cdf(-shift - criticalValue)
    }

    /// Whether `p` lies strictly inside (0, 1).
    static func isProbability(_ p: Double) -> Bool { p > 0 && p < 1 }
}
