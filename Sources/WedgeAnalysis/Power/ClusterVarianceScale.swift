// SPDX-License-Identifier: Apache-2.0

/// How the simulation turns an ICC into the variance of the cluster effects on the **logit** scale.
///
/// The analytic calculation reads the ICC on the risk (linear) scale, as swPwr does: the cluster variance of a
/// proportion is `ICC·σ²/(1 − ICC)` with `σ² = p̄(1 − p̄)`. A logistic GLMM has its cluster effects on the logit
/// scale, so the simulation needs a conversion, and the two scales do not describe the same amount of
/// clustering. Both conversions below give the total logit-scale variance `σ²_L`, which is then split like the
/// analytic one (`τ² = CAC·σ²_L`, `γ² = (1 − CAC)·σ²_L`, or decay `σ²_L·r^|j−k|`).
///
/// - ``latent``: the latent-variable ICC of a logistic model (Snijders & Bosker 2012, §17.3; Eldridge, Ukoumunne
///   & Carlin 2009, *Int Stat Rev* 77:378–394): the individual-level variance on the latent scale is that of the
///   standard logistic distribution, `π²/3 ≈ 3.29`, so `σ²_L = ICC·(π²/3)/(1 − ICC)`. The default: it is how
///   ICCs for binary outcomes are usually reported from GLMMs.
/// - ``linearized``: the first-order (delta-method) image of the analytic risk-scale cluster variance,
///   `σ²_L = ICC·σ²/(1 − ICC) / (p̄(1 − p̄))² = ICC/((1 − ICC)·p̄(1 − p̄))`: the logit-scale variance whose
///   risk-scale spread matches the analytic model's near `p̄`. Use it to compare the simulation with the analytic
///   power on equal terms. It is larger than ``latent`` for every `p̄` (`1/(p̄(1 − p̄)) ≥ 4 > π²/3`), by 22% at
///   `p̄ = ½` and more as `p̄` moves away from ½.
public enum ClusterVarianceScale: String, Sendable, Equatable, CaseIterable {
    /// `σ²_L = ICC·(π²/3)/(1 − ICC)`.
    case latent
    /// `σ²_L = ICC/((1 − ICC)·p̄(1 − p̄))`.
    case linearized

    /// The total logit-scale cluster variance `σ²_L` for an ICC and the pooled proportion `p̄ = (p₀ + p₁)/2`.
    /// - Parameters:
    ///   - icc: The ICC, in [0, 1); other values give NaN or a negative variance, which the caller rejects.
    ///   - pooledProportion: `p̄`, in (0, 1).
    /// - Returns: `σ²_L`.
    public func totalVariance(icc: Double, pooledProportion p: Double) -> Double {
        switch self {
        case .latent: return icc * (Double.pi * Double.pi / 3) / (1 - icc)
        case .linearized: return icc / ((1 - icc) * p * (1 - p))
        }
    }
}
