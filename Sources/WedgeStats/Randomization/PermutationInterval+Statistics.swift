// SPDX-License-Identifier: Apache-2.0

extension PermutationInterval {
    /// The randomization interval for the GLMM log odds ratio, by refits with the offset `θ₀·x_obs`.
    ///
    /// The first step is the Wald SE of the observed fit (0.5 if it is not finite). Each `p(θ₀)` is a
    /// full ``PermutationTest`` with `options` (null centre 0), so its cost is one refit per allocation;
    /// expect 20–30 evaluations.
    /// - Parameters:
    ///   - statistic: The GLMM statistic of the observed data.
    ///   - observed: The observed allocation.
    ///   - space: The allocation space of the test.
    ///   - level: Confidence level, default 0.95.
    ///   - options: Permutation settings (``PermutationOptions/nullCenter`` is forced to 0).
    ///   - tolerance: Endpoint tolerance on the log-OR scale; default `10⁻³ × SE`.
    /// - Returns: The interval on the log-OR scale.
    /// - Throws: ``RandomizationError`` when the observed fit fails or the options are invalid.
    public static func glmm(
        _ statistic: GLMMPermutationStatistic, observed: [Int], space: AllocationSpace, level: Double = 0.95,
        options: PermutationOptions = PermutationOptions(), tolerance: Double? = nil
    ) throws(RandomizationError) -> PermutationInterval {
        guard let fit = statistic.fit(observed), fit.converged else { throw .observedStatisticFailed }
        let estimate = fit.coefficients[statistic.treatmentColumn]
        let se = fit.standardErrors[statistic.treatmentColumn]
        var settings = options
        settings.nullCenter = 0
        settings.keepsDistribution = false
        return try invert(
            estimate: estimate, step: se.isFinite && se > 0 ? se : 0.5, level: level, tolerance: tolerance
        ) { (theta0: Double) throws(RandomizationError) -> Double in
            guard let shifted = statistic.shifted(by: theta0, observed: observed) else {
                throw .observedStatisticFailed
            }
            return try PermutationTest.run(observed: observed, space: space, options: settings) { shifted($0) }.pValue
        }
    }

    /// The randomization interval for the NPWP risk difference, by shifting intervention summaries.
    ///
    /// The first step is the standard deviation of the permutation distribution at the estimate
    /// (0.05 if it is zero).
    /// - Parameters:
    ///   - table: The cluster-period summaries.
    ///   - schedule: Treatment status of each sequence in each period.
    ///   - observed: The observed allocation.
    ///   - space: The allocation space of the test.
    ///   - level: Confidence level, default 0.95.
    ///   - options: Permutation settings (``PermutationOptions/nullCenter`` is forced to 0).
    ///   - tolerance: Endpoint tolerance on the risk-difference scale; default `10⁻³ × step`.
    /// - Returns: The interval on the risk-difference scale.
    /// - Throws: ``RandomizationError`` when the estimate cannot be computed or the options are invalid.
    public static func npwp(
        _ table: NonparametricWithinPeriod, schedule: [[Bool]], observed: [Int], space: AllocationSpace,
        level: Double = 0.95, options: PermutationOptions = PermutationOptions(), tolerance: Double? = nil
    ) throws(RandomizationError) -> PermutationInterval {
        var settings = options
        settings.nullCenter = 0
        settings.keepsDistribution = true
        let base = try PermutationTest.run(
            observed: observed, space: space, options: settings, statistic: table.statistic(schedule: schedule))
        let d = base.distribution
        let mean = d.reduce(0, +) / Double(d.count)
        let sd = (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, d.count - 1))).squareRoot()
        settings.keepsDistribution = false
        let treated: (Int, Int) -> Bool = { c, j in schedule[observed[c]][j] }
        return try invert(
            estimate: base.observed, step: sd.isFinite && sd > 0 ? sd : 0.05, level: level, tolerance: tolerance
        ) { (theta0: Double) throws(RandomizationError) -> Double in
            let shifted = table.shifted(by: theta0, treated: treated)
            return try PermutationTest.run(
                observed: observed, space: space, options: settings,
                statistic: shifted.statistic(schedule: schedule)).pValue
        }
    }
}
