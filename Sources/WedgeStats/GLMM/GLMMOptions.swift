// SPDX-License-Identifier: Apache-2.0

/// Tuning settings for ``LogisticGLMM/fit(_:method:options:)``. The defaults suit trial-sized data.
public struct GLMMOptions: Sendable, Equatable {
    /// The largest number of outer Newton iterations over (θ, β). Default 100.
    public var maxIterations: Int
    /// Convergence threshold on the Newton decrement `gᵀH⁻¹g` of the deviance. The deviance is then
    /// within about half this value of its minimum. Default 1e-10.
    public var tolerance: Double
    /// The step `δ` of the central differences of the analytic gradient that give the Hessian used for
    /// ``GLMMFit/standardErrors`` under adaptive quadrature when the optimiser did not stop on its tolerance
    /// (otherwise the Hessian of its last iteration is used). Laplace fits use the analytic Hessian and ignore it.
    /// lme4's `deriv12` uses `δ = 1e-4` on the deviance itself. Default 1e-4.
    public var hessianStep: Double
    /// ``GLMMFit/isSingular`` is set when the site SD τ is below this value; lme4's `isSingular` default
    /// is 1e-4. Default 1e-4.
    public var singularTolerance: Double
    /// A starting value for θ = τ; `nil` (the default) picks the best of a few trial values.
    public var startingTheta: Double?

    /// Whether to merge rows that share a cluster and a design row before fitting (see
    /// ``BinomialCells/collapsed()``). The estimates are identical either way and the reported
    /// log-likelihood and deviance always refer to the data as passed; collapsing only saves time
    /// (for individual Bernoulli rows, by a factor of about the mean cell size). Default `true`.
    public var collapsesCells: Bool
    /// Whether to update the Hessian by BFGS after the first Newton iteration instead of re-forming it by
    /// forward differences of the gradient (`p + 1` gradients per iteration). The optimum is the same to the
    /// tolerance, at a fraction of the cost for many coefficients; the Hessian behind
    /// ``GLMMFit/standardErrors`` is then the BFGS approximation, so use it for point estimates only, as in
    /// the refits of a permutation test (Nocedal & Wright 2006, *Numerical Optimization*, §6.1). Default
    /// `false`.
    public var quasiNewton: Bool
    /// With ``quasiNewton``, the Hessian to start BFGS from instead of one formed by differences (a refit
    /// of similar data starts from the original fit's Hessian).
    var initialHessian: Matrix?

    /// Creates options; every argument has the documented default.
    /// - Parameters:
    ///   - maxIterations: Outer iteration cap.
    ///   - tolerance: Newton-decrement threshold.
    ///   - hessianStep: Finite-difference step for the final Hessian.
    ///   - singularTolerance: Threshold on τ for ``GLMMFit/isSingular``.
    ///   - startingTheta: Optional starting τ.
    ///   - collapsesCells: Whether to merge identical (cluster, design row) rows first.
    ///   - quasiNewton: Whether to update the Hessian by BFGS after the first iteration.
    public init(
        maxIterations: Int = 100, tolerance: Double = 1e-10, hessianStep: Double = 1e-4,
        singularTolerance: Double = 1e-4, startingTheta: Double? = nil, collapsesCells: Bool = true,
        quasiNewton: Bool = false
    ) {
        self.quasiNewton = quasiNewton
        self.collapsesCells = collapsesCells
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.hessianStep = hessianStep
        self.singularTolerance = singularTolerance
        self.startingTheta = startingTheta
    }
}
