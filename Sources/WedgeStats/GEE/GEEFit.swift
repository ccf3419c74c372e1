// SPDX-License-Identifier: Apache-2.0

/// The result of a ``LogisticGEE`` fit: coefficients, working-correlation and scale estimates, and
/// four covariance matrices of the coefficients.
///
/// Notation: cluster `i` has `nᵢ` individuals, design rows `Xᵢ`, means `μᵢ = expit(Xᵢβ)`,
/// `Aᵢ = diag(μᵢ(1 − μᵢ))`, `Dᵢ = ∂μᵢ/∂β = AᵢXᵢ`, exchangeable `Rᵢ(α)`, working covariance
/// `Vᵢ = φ Aᵢ^{1/2} Rᵢ Aᵢ^{1/2}`, residuals `eᵢ = yᵢ − μᵢ`, and `B = Σᵢ Dᵢ'Vᵢ⁻¹Dᵢ`,
/// `Bᵢ = Dᵢ'Vᵢ⁻¹Dᵢ`, `uᵢ = Dᵢ'Vᵢ⁻¹eᵢ`. The leverage of cluster `i` is `Hᵢ = Dᵢ B⁻¹ Dᵢ'Vᵢ⁻¹`.
///
/// When ``status`` is ``GEEStatus/singular`` or ``GEEStatus/invalidInput`` every number is NaN. A
/// bias-corrected covariance is NaN when some `I − Hᵢ` is singular, that is when leaving cluster
/// `i` out makes the design rank-deficient (in a stepped wedge: a cluster that alone carries a
/// period's control or treated condition *and* whose removal leaves a parameter unidentified).
public struct GEEFit: Sendable, Equatable {
    /// The coefficients `β̂`, in the order of the design columns (log odds and log odds ratios).
    public var coefficients: [Double]
    /// The exchangeable working correlation `α̂`: geepack's moment estimator
    /// `α̂ = Σᵢ Σ_{j<k} rᵢⱼrᵢₖ / (φ̂ Σᵢ nᵢ(nᵢ − 1)/2)` with Pearson residuals
    /// `r = (y − μ)/√(μ(1 − μ))` (no degrees-of-freedom correction).
    public var alpha: Double
    /// The scale `φ̂ = Σ r² / N`, the mean squared Pearson residual (geepack divides by `N`, not
    /// `N − p`). The naive covariance is proportional to it; the sandwiches do not depend on it.
    public var scale: Double
    /// The number of GEE iterations run.
    public var iterations: Int
    /// How the fit ended.
    public var status: GEEStatus
    /// The number of non-empty clusters `K`.
    public var clusterCount: Int
    /// The number of individuals `N`.
    public var observationCount: Int
    /// The rule that ``inference(coefficient:variance:confidenceLevel:)`` uses, from ``GEEOptions``.
    public var degreesOfFreedomRule: DegreesOfFreedomRule

    /// The model-based covariance `φ̂ B⁻¹` (geepack's `vbeta.naiv`).
    public var naive: Matrix
    /// The Liang–Zeger sandwich `B⁻¹ (Σᵢ uᵢuᵢ') B⁻¹` (geepack's `vbeta`, `std.err = "san.se"`).
    ///
    /// Consistent as `K → ∞` whatever the true correlation; biased downwards with few clusters.
    /// Reference: Liang KY, Zeger SL. *Biometrika* 1986;73:13–22.
    public var robust: Matrix
    /// The Kauermann–Carroll sandwich `B⁻¹ (Σᵢ Dᵢ'Vᵢ⁻¹ (I − Hᵢ)^{-1/2} eᵢeᵢ' (I − Hᵢ)^{-1/2}' Vᵢ⁻¹Dᵢ) B⁻¹`.
    ///
    /// `(I − Hᵢ)^{-1/2}` is the principal square root (`I − Hᵢ` is similar to a symmetric positive
    /// definite matrix, so its eigenvalues are real and positive). Computed exactly in `p × p` form:
    /// `Dᵢ'Vᵢ⁻¹(I − Hᵢ)^{-1/2} = (I − BᵢB⁻¹)^{-1/2} Dᵢ'Vᵢ⁻¹`.
    /// Reference: Kauermann G, Carroll RJ. *J Am Stat Assoc* 2001;96:1387–1396.
    public var kauermannCarroll: Matrix
    /// The Mancl–DeRouen sandwich `B⁻¹ (Σᵢ Dᵢ'Vᵢ⁻¹ (I − Hᵢ)⁻¹ eᵢeᵢ' (I − Hᵢ)⁻ᵀ Vᵢ⁻¹Dᵢ) B⁻¹`.
    ///
    /// By the Woodbury identity this equals `Σᵢ (B − Bᵢ)⁻¹ uᵢuᵢ' (B − Bᵢ)⁻¹`, which is how it is
    /// computed. It over-corrects slightly; with few clusters it is the most conservative of the three.
    /// Reference: Mancl LA, DeRouen TA. *Biometrics* 2001;57:126–134.
    public var manclDeRouen: Matrix

    /// Whether the convergence criterion was met.
    public var converged: Bool { status == .converged }

    /// The covariance matrix of the requested kind.
    /// - Parameter variance: Which estimate.
    /// - Returns: One of ``naive``, ``robust``, ``kauermannCarroll``, ``manclDeRouen``.
    public func covariance(_ variance: GEEVariance) -> Matrix {
        switch variance {
        case .naive: naive
        case .robust: robust
        case .kauermannCarroll: kauermannCarroll
        case .manclDeRouen: manclDeRouen
        }
    }

    /// The standard errors `√diag` of the requested covariance.
    /// - Parameter variance: Which estimate.
    /// - Returns: One standard error per coefficient.
    public func standardErrors(_ variance: GEEVariance) -> [Double] {
        covariance(variance).diagonal.map { $0.squareRoot() }
    }
}

extension GEEFit {
    /// A fit whose numbers are all NaN, for singular or invalid problems.
    static func undefined(
        parameters p: Int, status: GEEStatus, iterations: Int, clusters: Int, observations: Int,
        rule: DegreesOfFreedomRule
    ) -> GEEFit {
        var nan = Matrix(rows: p, columns: p)
        for k in nan.storage.indices { nan.storage[k] = .nan }
        return GEEFit(
            coefficients: Array(repeating: .nan, count: p), alpha: .nan, scale: .nan, iterations: iterations,
            status: status, clusterCount: clusters, observationCount: observations, degreesOfFreedomRule: rule,
            naive: nan, robust: nan, kauermannCarroll: nan, manclDeRouen: nan)
    }
}
