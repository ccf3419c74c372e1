// SPDX-License-Identifier: Apache-2.0

/// The outcome of one simulated trial's fit.
struct ReplicateOutcome: Sendable, Equatable {
    /// The treatment estimate `θ̂` (log OR).
    var estimate: Double
    /// Its lme4-default SE.
    var standardError: Double
    /// Whether the fit converged with a finite estimate and SE.
    var isUsable: Bool
    /// Whether the Wald test rejected at level α.
    var rejected: Bool
    /// Whether the Wald 95% interval contains the true `θ`.
    var covered: Bool
    /// Whether the fit is singular (site SD below 1e-4).
    var singular: Bool
}
