// SPDX-License-Identifier: Apache-2.0

import RealModule

/// The scale on which a pointwise confidence interval for a survival probability is built.
///
/// All three use the Greenwood variance of `log S(t)`, `σ²(t) = Σ_{tᵢ ≤ t} dᵢ / (nᵢ(nᵢ − dᵢ))`
/// (Greenwood 1926), and the two-sided normal critical value `z`. They mirror
/// `survival::survfit`'s `conf.type` (Therneau & Grambsch 2000, §2.1):
///
/// | case | interval | R |
/// |---|---|---|
/// | ``log`` | `S·exp(∓z·σ)`, upper capped at 1 | `"log"` (survfit's default) |
/// | ``logLog`` | `S^exp(±z·σ / log S)` | `"log-log"` |
/// | ``plain`` | `S ∓ z·σ·S`, clipped to [0, 1] | `"plain"` |
///
/// Undefined limits are NaN (R's `NA`): ``log`` where `S = 0`, ``logLog`` where `S = 0` or `S = 1`,
/// and every type where the Greenwood variance is infinite (`S = 0` after everyone at risk died).
public enum SurvivalConfidenceType: String, Sendable, CaseIterable {
    /// Symmetric on `log S`: `exp(log S ± z·σ)`. The default of R's `survfit`.
    case log
    /// Symmetric on `log(−log S)`, which keeps both limits inside (0, 1).
    case logLog = "log-log"
    /// Symmetric on `S` itself (Klein & Moeschberger eq. 4.3.1).
    case plain

    /// The limits `(lower, upper)` for survival `s` with Greenwood standard error `logSE` of `log S`,
    /// exactly as `survival:::survfit_confint` computes them.
    func limits(survival s: Double, logStandardError se: Double, z: Double) -> (lower: Double, upper: Double) {
        switch self {
        case .plain:
            let half = se * s * z
            let lower = half.isNaN ? Double.nan : Swift.max(s - half, 0)
            let upper = half.isNaN ? Double.nan : Swift.min(s + half, 1)
            return (lower, upper)
        case .log:
            guard s != 0, !se.isNaN else { return (.nan, .nan) }
            let half = z * se
            let logS = Double.log(s)
            return (Double.exp(logS - half), Swift.min(Double.exp(logS + half), 1))
        case .logLog:
            guard s != 0, s != 1, !se.isNaN else { return (.nan, .nan) }
            let logS = Double.log(s)
            let half = z * se / logS
            let loglog = Double.log(-logS)
            return (Double.exp(-Double.exp(loglog - half)), Double.exp(-Double.exp(loglog + half)))
        }
    }
}
