// SPDX-License-Identifier: Apache-2.0

/// Which covariance estimate of the GEE coefficients to use.
///
/// All four are evaluated at the final `(β̂, α̂, φ̂)` of a ``GEEFit``; see its properties for the
/// formulas.
public enum GEEVariance: String, Sendable, Hashable, CaseIterable {
    /// The model-based covariance `φ B⁻¹`, valid only if the working correlation is right.
    case naive
    /// The sandwich of Liang & Zeger (1986), geepack's `san.se`.
    case robust
    /// The sandwich with residuals corrected by `(I − Hᵢ)^{-1/2}` (Kauermann & Carroll 2001).
    case kauermannCarroll
    /// The sandwich with residuals corrected by `(I − Hᵢ)^{-1}` (Mancl & DeRouen 2001).
    case manclDeRouen
}
