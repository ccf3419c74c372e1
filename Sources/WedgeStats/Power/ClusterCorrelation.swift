// SPDX-License-Identifier: Apache-2.0

/// How the cluster-level random effects of one cluster are correlated across periods.
///
/// Both structures start from the same total between-cluster variance, fixed by the intracluster
/// correlation `ICC` and the outcome variance `σ²`:
///
///     σ²_c = ICC·σ² / (1 − ICC)
///
/// - ``nestedExchangeable(cac:)`` (Hooper et al. 2016; Girling & Hemming 2016) splits it into a
///   cluster effect and a cluster × period effect, exactly as swCRTdesign's `swPwr(icc:, cac:)` does:
///   `τ² = CAC·σ²_c`, `γ² = (1 − CAC)·σ²_c`. The covariance of two cell means of cluster `i`
///   in periods `j ≠ k` is `τ²`; the cluster-level variance of one cell mean is `τ² + γ²`.
///   `CAC = 1` is the Hussey & Hughes (2007) random-intercept model.
/// - ``exponentialDecay(r:)`` (Kasza et al. 2019) lets the correlation decay with the distance
///   between periods: the covariance of the cluster-period effects of periods `j` and `k` is
///   `σ²_c·r^|j−k|`. `r = 1` is again the Hussey & Hughes model.
///
/// References:
/// - Hussey MA, Hughes JP (2007). Design and analysis of stepped wedge cluster randomized trials.
///   *Contemp Clin Trials* 28:182–191.
/// - Hooper R, Teerenstra S, de Hoop E, Eldridge S (2016). Sample size calculation for stepped wedge
///   and other longitudinal cluster randomised trials. *Stat Med* 35:4718–4728.
/// - Kasza J, Hemming K, Hooper R, Matthews JNS, Forbes AB (2019). Impact of non-uniform correlation
///   structure on sample size and power in multiple-period cluster randomised trials.
///   *Stat Methods Med Res* 28:703–716.
public enum ClusterCorrelation: Sendable, Equatable, Hashable {
    /// Block-exchangeable: cluster autocorrelation `cac` in [0, 1] (1 = Hussey & Hughes).
    case nestedExchangeable(cac: Double)
    /// Discrete-time exponential decay: correlation `r^|j−k|` between periods, `r` in [0, 1].
    case exponentialDecay(r: Double)

    /// The Hussey & Hughes random-intercept model (`CAC = 1`), swPwr's default.
    public static let husseyHughes = ClusterCorrelation.nestedExchangeable(cac: 1)

    /// Whether the parameter lies in [0, 1].
    var isValid: Bool {
        switch self {
        case .nestedExchangeable(let cac): return cac >= 0 && cac <= 1
        case .exponentialDecay(let r): return r >= 0 && r <= 1
        }
    }

    /// The covariance parameters for a total between-cluster variance `total = ICC·σ²/(1 − ICC)`:
    /// `τ²` (scaled by `decay^|j−k|` between periods) and the extra cell-level variance `γ²`.
    func components(totalClusterVariance total: Double) -> (tau2: Double, gamma2: Double, decay: Double) {
        switch self {
        case .nestedExchangeable(let cac):
            return (cac * total, (1 - cac) * total, 1)
        case .exponentialDecay(let r):
            return (total, 0, r)
        }
    }
}
