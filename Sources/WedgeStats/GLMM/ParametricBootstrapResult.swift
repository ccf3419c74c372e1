// SPDX-License-Identifier: Apache-2.0

/// The outcome of a ``ParametricBootstrap`` likelihood-ratio test: the observed statistic, its χ²₁ p-value, and the
/// bootstrap p-value with pbkrtest's counting rule.
public struct ParametricBootstrapResult: Sendable, Equatable {
    /// The observed `LRT = 2(ℓ_full − ℓ_null)`.
    public var statistic: Double
    /// The asymptotic p-value `P(χ²₁ > LRT)` (pbkrtest's `LRT` row), anticonservative with few clusters.
    public var chiSquarePValue: Double
    /// `(1 + extreme) / (1 + positive)`, pbkrtest's `PBtest` p-value; NaN when no replicate is positive.
    public var pValue: Double
    /// Replicates drawn.
    public var replicates: Int
    /// Replicates whose refits failed (left out).
    public var failures: Int
    /// Replicates with `LRT* > 0`: the denominator.
    public var positive: Int
    /// Replicates with `LRT* > LRT`.
    public var extreme: Int

    /// The Monte Carlo standard error of ``pValue``, `√(p(1 − p)/positive)`.
    public var monteCarloStandardError: Double {
        positive > 0 ? (pValue * (1 - pValue) / Double(positive)).squareRoot() : .nan
    }

    /// Counts `replicates` (NaN = failure) against the observed `statistic`.
    /// - Parameters:
    ///   - statistic: The observed LRT.
    ///   - replicates: The bootstrap LRT values.
    public init(statistic: Double, replicates: [Double]) {
        self.statistic = statistic
        chiSquarePValue = ChiSquared.complementaryCDF(statistic, degreesOfFreedom: 1)
        self.replicates = replicates.count
        failures = replicates.filter(\.isNaN).count
        positive = replicates.filter { $0 > 0 }.count
        extreme = replicates.filter { $0 > 0 && $0 > statistic }.count
        pValue = positive > 0 ? Double(1 + extreme) / Double(1 + positive) : .nan
    }
}
