// SPDX-License-Identifier: Apache-2.0

extension HusseyHughesPower {
    /// The smallest equal cluster-period size `m` whose power reaches `targetPower`.
    ///
    /// Every observed cell of `template` (`m_ij > 0`) gets the same `m`; unobserved cells stay unobserved,
    /// and all other assumptions are taken from `template`. Power is non-decreasing in `m` (each `V_i`
    /// decreases in the Loewner order), so the search doubles `m` until the target is met and then bisects
    /// on the integers: about `2·log₂ m` power evaluations.
    ///
    /// Power need not tend to 1 as `m → ∞`: with a cluster × period effect (CAC < 1), decay, or a parallel
    /// design (no within-cluster contrast), it levels off at the power of the design with `σ²/m = 0`
    /// (Hemming et al. 2015, BMJ 350:h391). A stepped wedge with only a site effect (CAC = 1) estimates the
    /// effect within sites, so its power tends to 1. When the target is above the plateau, or above the
    /// power at `maximumSize`, the result is `nil`.
    ///
    /// - Parameters:
    ///   - targetPower: The power to reach, in (0, 1).
    ///   - template: The design and assumptions; its sizes mark which cells are observed.
    ///   - maximumSize: The largest `m` to consider. Defaults to 100 000.
    /// - Returns: The smallest `m ≥ 1` with power ≥ `targetPower`, or `nil` when none up to `maximumSize`
    ///   reaches it or the input is invalid (NaN power).
    public static func solveClusterPeriodSize(targetPower: Double, template: PowerInput, maximumSize: Int = 100_000)
        -> Int?
    {
        guard targetPower > 0, targetPower < 1, maximumSize >= 1 else { return nil }
        func reaches(_ m: Int) -> Bool { compute(template.resized(to: m)).power >= targetPower }
        var low = 0  // power(low) < target (m = 0 observes nothing)
        var high = 1
        while !reaches(high) {
            if high >= maximumSize { return nil }
            low = high
            high = min(2 * high, maximumSize)
        }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if reaches(middle) { high = middle } else { low = middle }
        }
        return high
    }

    /// Power over a grid of ICC values × equal cluster-period sizes.
    ///
    /// Each point is ``compute(_:)`` of `template` with its `icc` replaced and every observed cell resized
    /// to `m` (see ``PowerInput/resized(to:)``).
    ///
    /// - Parameters:
    ///   - iccs: The ICC values (outer loop).
    ///   - clusterPeriodSizes: The sizes `m` (inner loop).
    ///   - template: The design and remaining assumptions.
    /// - Returns: `iccs.count × clusterPeriodSizes.count` points, ICC-major.
    public static func grid(iccs: [Double], clusterPeriodSizes: [Int], template: PowerInput) -> [PowerGridPoint] {
        iccs.flatMap { icc in
            clusterPeriodSizes.map { m in
                var input = template.resized(to: m)
                input.icc = icc
                return PowerGridPoint(icc: icc, clusterPeriodSize: m, result: compute(input))
            }
        }
    }
}
