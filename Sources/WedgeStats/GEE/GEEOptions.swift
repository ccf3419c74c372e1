// SPDX-License-Identifier: Apache-2.0

/// Settings of a ``LogisticGEE`` fit.
///
/// The iteration stops when one full update changes no parameter by more than ``tolerance``:
/// `max(‖Δβ‖∞, |Δφ|, |Δα|) ≤ tolerance`, geepack's criterion (Halekoh, Højsgaard & Yan 2006,
/// *J Stat Softw* 15(2); `geese.control(epsilon =)`). The defaults here are tighter than geepack's
/// (`epsilon = 1e-4`, `maxit = 25`); ``geepackDefaults`` reproduces `geeglm`'s default output.
public struct GEEOptions: Sendable, Hashable {
    /// The largest number of GEE iterations (one β, φ and α update each).
    public var maxIterations: Int
    /// The convergence threshold on the largest absolute parameter change of one iteration.
    public var tolerance: Double
    /// The reference distribution of Wald inference; see ``DegreesOfFreedomRule``.
    public var degreesOfFreedom: DegreesOfFreedomRule

    /// Creates fit settings.
    /// - Parameters:
    ///   - maxIterations: The iteration limit; default 100.
    ///   - tolerance: The convergence threshold; default `1e-10`.
    ///   - degreesOfFreedom: The t degrees of freedom rule; default `.clustersMinus(2)`.
    public init(
        maxIterations: Int = 100, tolerance: Double = 1e-10,
        degreesOfFreedom: DegreesOfFreedomRule = .clustersMinus(2)
    ) {
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// geepack's `geese.control()` defaults: 25 iterations, tolerance `1e-4`.
    public static let geepackDefaults = GEEOptions(maxIterations: 25, tolerance: 1e-4)
}
