// SPDX-License-Identifier: Apache-2.0

/// A randomization (permutation) test of a treatment effect over the allocations the design could
/// have produced, for any statistic of the allocation.
///
/// ## The test
/// The statistic `T(a)` is recomputed for allocations `a` of clusters to sequences; under the sharp
/// null hypothesis of no effect every allocation in the space is equally likely, so the observed
/// `T_obs = T(a_obs)` is compared with that distribution (Fisher 1935; Edgington & Onghena,
/// *Randomization Tests*, 4th ed., 2007; for stepped-wedge trials Thompson et al. 2018, *Stat Med*
/// 37:2487–2500, and Wang & De Gruttola 2017, *Stat Med* 36:2831–2843).
///
/// An allocation is "at least as extreme" as the observed one when
/// `|T − T₀| ≥ |T_obs − T₀| · (1 − 10⁻⁹)`, with `T₀` = ``PermutationOptions/nullCenter`` (0 for a
/// log OR or a risk difference). The relative tolerance 10⁻⁹ makes ties robust to rounding: a
/// statistic equal to `±T_obs` up to refit noise counts as a tie, which keeps the test valid
/// (conservative). When `T_obs = T₀` every allocation counts and `p = 1`.
///
/// - **Exact** (space size ≤ ``PermutationOptions/exactLimit``): every allocation is evaluated and
///   `p = b / N`, with `b` the extreme count among the `N` successful evaluations. The observed
///   allocation is part of the space (if it is missing from a listed space it is added, so that
///   `p ≥ 1/N` and the test stays valid).
/// - **Monte Carlo** (larger spaces): `m` = ``PermutationOptions/monteCarloDraws`` allocations are
///   drawn uniformly **with replacement** (a uniform index into a listed space, or a Fisher–Yates
///   shuffle of the observed sequences), all drawn first, in order, from SplitMix64 seeded with
///   ``PermutationOptions/seed``. Then `p = (b + 1)/(m + 1)`, counting the observed allocation as one
///   draw (Phipson & Smyth 2010, "Permutation p-values should never be zero", *Stat Appl Genet Mol
///   Biol* 9(1):39), which keeps the test valid. Its Monte Carlo standard error is `√(p(1 − p)/m)`.
///
/// **Failures.** An allocation whose statistic is `nil` or not finite (for example a GLMM refit that
/// does not converge) is excluded from both `b` and the denominator and counted in
/// ``PermutationResult/failedCount``. This conditions on the allocations that can be analysed; report
/// the count, since many failures make the p-value hard to interpret.
///
/// **Reproducibility.** Statistics are computed in parallel (`DispatchQueue.concurrentPerform` over
/// fixed chunks of ``PermutationOptions/chunkSize`` allocations) and each is written to its own index,
/// so the result is identical whatever the number of threads. The statistic must be a pure function of
/// the allocation.
public enum PermutationTest {
    /// Runs the test.
    ///
    /// ```swift
    /// let space = AllocationSpace.permutations(of: observedSequences)
    /// let result = try PermutationTest.run(observed: observedSequences, space: space) { allocation in
    ///     glmmStatistic(allocation)           // log OR, or nil if the refit fails
    /// }
    /// print(result.pValue, result.isExact, result.evaluated)
    /// ```
    /// - Parameters:
    ///   - observed: The observed allocation (entry `c` is the sequence of cluster `c`).
    ///   - space: The allocations the randomization could have produced.
    ///   - options: Enumeration limit, Monte Carlo draws and seed, null centre, threads.
    ///   - statistic: A pure function of an allocation; `nil` when it cannot be computed.
    /// - Returns: The observed statistic, p-value and bookkeeping.
    /// - Throws: ``RandomizationError`` for an empty space, allocations of the wrong length, invalid
    ///   options, a failed observed statistic, or when every allocation fails.
    public static func run(
        observed: [Int], space: AllocationSpace, options: PermutationOptions = PermutationOptions(),
        statistic: @escaping @Sendable ([Int]) -> Double?
    ) throws(RandomizationError) -> PermutationResult {
        try validate(options)
        let size = space.count
        guard size != 0 else { throw .emptySpace }
        if case .listed(let list) = space, let bad = list.firstIndex(where: { $0.count != observed.count }) {
            throw .allocationLength(index: bad, length: list[bad].count, clusters: observed.count)
        }
        if case .permutations(let labels) = space, labels.count != observed.count {
            throw .allocationLength(index: 0, length: labels.count, clusters: observed.count)
        }
        guard let tObserved = statistic(observed), tObserved.isFinite else { throw .observedStatisticFailed }

        let exact = size.map { $0 <= options.exactLimit } ?? false
        var allocations: [[Int]]
        if exact {
            allocations = space.enumerated()
            if !space.contains(observed) { allocations.append(observed) }
        } else {
            var generator = SeededGenerator(seed: options.seed)
            allocations = (0..<options.monteCarloDraws).map { _ in space.draw(using: &generator) }
        }
        let values = evaluate(allocations, threads: options.threads, chunkSize: options.chunkSize, statistic: statistic)
        let threshold = abs(tObserved - options.nullCenter) * (1 - 1e-9)
        var extreme = 0, evaluated = 0
        var distribution: [Double] = []
        if options.keepsDistribution { distribution.reserveCapacity(values.count) }
        for v in values where v.isFinite {
            evaluated += 1
            if abs(v - options.nullCenter) >= threshold { extreme += 1 }
            if options.keepsDistribution { distribution.append(v) }
        }
        guard evaluated > 0 else { throw .allStatisticsFailed(failed: values.count) }
        let p: Double, se: Double
        if exact {
            p = Double(extreme) / Double(evaluated)
            se = 0
        } else {
            p = Double(extreme + 1) / Double(evaluated + 1)
            se = (p * (1 - p) / Double(evaluated)).squareRoot()
        }
        return PermutationResult(
            observed: tObserved, pValue: p, evaluated: evaluated, spaceSize: size, isExact: exact,
            monteCarloStandardError: se, failedCount: values.count - evaluated, extremeCount: extreme,
            distribution: distribution)
    }

    static func validate(_ options: PermutationOptions) throws(RandomizationError) {
        if options.exactLimit < 0 { throw .invalidOption(name: "exactLimit", value: "\(options.exactLimit)") }
        if options.monteCarloDraws < 1 {
            throw .invalidOption(name: "monteCarloDraws", value: "\(options.monteCarloDraws)")
        }
        if options.chunkSize < 1 { throw .invalidOption(name: "chunkSize", value: "\(options.chunkSize)") }
        if let t = options.threads, t < 1 { throw .invalidOption(name: "threads", value: "\(t)") }
        if !options.nullCenter.isFinite {
            throw .invalidOption(name: "nullCenter", value: "a non-finite number")
        }
    }
}
