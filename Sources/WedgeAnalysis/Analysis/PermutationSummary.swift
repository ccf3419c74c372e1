// SPDX-License-Identifier: Apache-2.0

/// The permutation (randomization) test of the condition effect.
public struct PermutationSummary: Sendable, Equatable {
    /// The statistic recomputed under each allocation.
    public var statistic: PermutationStatistic
    /// Its observed value.
    public var observed: Double
    /// The two-sided p-value.
    public var pValue: Double
    /// Allocations evaluated (the observed one included).
    public var allocations: Int
    /// Whether every admissible allocation was evaluated (else Monte Carlo).
    public var exact: Bool
    /// The Monte Carlo standard error of ``pValue`` (0 when exact).
    public var monteCarloError: Double
    /// Allocations whose statistic could not be computed (a failed refit), left out.
    public var failures: Int
    /// What was permuted, for reports.
    public var source: String
    /// A confidence interval for the effect by test inversion, when asked for: on the log-OR scale for the
    /// GLMM statistic, the risk-difference scale for NPWP; an infinite limit is unbounded.
    public var interval: (lower: Double, upper: Double)?

    public static func == (lhs: PermutationSummary, rhs: PermutationSummary) -> Bool {
        lhs.statistic == rhs.statistic && lhs.observed == rhs.observed && lhs.pValue == rhs.pValue
            && lhs.allocations == rhs.allocations && lhs.exact == rhs.exact
            && lhs.monteCarloError == rhs.monteCarloError && lhs.failures == rhs.failures && lhs.source == rhs.source
            && lhs.interval?.lower == rhs.interval?.lower && lhs.interval?.upper == rhs.interval?.upper
    }
}
