// SPDX-License-Identifier: Apache-2.0

/// How a ``LogisticGEE`` fit ended.
public enum GEEStatus: Sendable, Hashable {
    /// The convergence criterion of ``GEEOptions/tolerance`` was met.
    case converged
    /// ``GEEOptions/maxIterations`` ran out first; the estimates are the last iterate.
    case iterationLimitReached
    /// The estimating equations broke down: `Σ Dᵢ'Vᵢ⁻¹Dᵢ` was not positive definite (a design
    /// column without variation, or separation), a value became non-finite, or `α̂` left the range
    /// `(−1/(nₘₐₓ − 1), 1)` in which the exchangeable matrix is positive definite. Estimates are NaN.
    case singular
    /// The inputs were inconsistent (lengths, a negative cluster index, an outcome outside 0/1,
    /// non-finite covariates, no rows). Everything is NaN.
    case invalidInput
}
