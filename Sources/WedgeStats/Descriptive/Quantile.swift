// SPDX-License-Identifier: Apache-2.0

/// Sample quantiles by linear interpolation of the order statistics: R's default `quantile(type = 7)`.
///
/// For sorted `x₁ ≤ … ≤ xₙ` and `0 ≤ p ≤ 1`, with `h = (n − 1)p`, the quantile is
/// `x_{⌊h⌋+1} + (h − ⌊h⌋)(x_{⌊h⌋+2} − x_{⌊h⌋+1})` (Hyndman & Fan 1996, "Sample quantiles in statistical
/// packages", *Am Stat* 50:361–365, definition 7). Empty input gives NaN; NaN values are not allowed.
public enum Quantile {
    /// The `p`-quantile of `values` (any order).
    public static func type7(_ values: [Double], _ p: Double) -> Double {
        type7(sorted: values.sorted(), p)
    }

    /// The `p`-quantile of already sorted `values`.
    public static func type7(sorted values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty, p >= 0, p <= 1 else { return .nan }
        let h = Double(values.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, values.count - 1)
        return values[lo] + (h - Double(lo)) * (values[hi] - values[lo])
    }

    /// The median and quartiles `(Q1, median, Q3)` of `values`.
    public static func quartiles(_ values: [Double]) -> (lower: Double, median: Double, upper: Double) {
        let sorted = values.sorted()
        return (type7(sorted: sorted, 0.25), type7(sorted: sorted, 0.5), type7(sorted: sorted, 0.75))
    }
}
