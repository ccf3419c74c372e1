// SPDX-License-Identifier: Apache-2.0

/// The result of ``PermutationTest/run(observed:space:options:statistic:)``.
///
/// Every number is finite: a statistic that fails (returns `nil` or a non-finite value) is counted in
/// ``failedCount`` and left out, never stored as NaN.
public struct PermutationResult: Sendable, Equatable {
    /// The statistic at the observed allocation, `T_obs`.
    public var observed: Double
    /// The two-sided randomization p-value (see ``PermutationTest`` for the exact rule).
    public var pValue: Double
    /// The number of allocations whose statistic was computed (failures excluded): the denominator of an
    /// exact p-value, or `m` of a Monte Carlo one.
    public var evaluated: Int
    /// The number of allocations in the space, or `nil` when it exceeds `Int.max`.
    public var spaceSize: Int?
    /// Whether the whole space was enumerated (`true`) or sampled (`false`).
    public var isExact: Bool
    /// The Monte Carlo standard error of ``pValue``, `√(p(1 − p)/m)`; 0 when exact.
    public var monteCarloStandardError: Double
    /// The number of allocations whose statistic failed (for example a GLMM refit that did not converge).
    public var failedCount: Int
    /// The number of evaluated allocations at least as extreme as the observed one (`b`).
    public var extremeCount: Int
    /// The statistic of each evaluated allocation, in enumeration or draw order (empty unless
    /// ``PermutationOptions/keepsDistribution``).
    public var distribution: [Double]
}
