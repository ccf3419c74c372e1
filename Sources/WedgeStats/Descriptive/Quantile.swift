// SPDX-License-Identifier: Apache-2.0

/// Sample quantiles.
public enum Quantile {
    /// The type-7 sample quantile of sorted values, R's default `quantile(x, p, type = 7)`.
    ///
    /// ## Mathematical properties
    /// With `n` sorted values `x₍₁₎ ≤ … ≤ x₍ₙ₎`, `h = (n − 1)·p + 1`, `j = ⌊h⌋` and `g = h − j`:
    /// `Q(p) = x₍ⱼ₎ + g·(x₍ⱼ₊₁₎ − x₍ⱼ₎)` (and `x₍ₙ₎` when `j = n`). It is linear interpolation between the
    /// order statistics placed at `(k − 1)/(n − 1)`; `Q(0)` is the minimum and `Q(1)` the maximum.
    ///
    /// Never traps: an empty array, or `p` outside `[0, 1]` or NaN, gives NaN. The values must be sorted
    /// ascending and free of NaN (``SampleSummary`` prepares them); this is not checked.
    ///
    /// Reference: R. J. Hyndman & Y. Fan (1996), "Sample quantiles in statistical packages", *The American
    /// Statistician* 50, 361–365, definition 7.
    /// - Parameters:
    ///   - sorted: The values, ascending, without NaN.
    ///   - probability: `p` in `[0, 1]`.
    /// - Returns: The quantile, or NaN.
    public static func type7(sorted: [Double], probability p: Double) -> Double {
        guard !sorted.isEmpty, p >= 0, p <= 1 else { return .nan }
        let h = Double(sorted.count - 1) * p
        let j = Int(h.rounded(.down))
        let g = h - Double(j)
        guard j + 1 < sorted.count, g > 0 else { return sorted[min(j, sorted.count - 1)] }
        return sorted[j] + g * (sorted[j + 1] - sorted[j])
    }
}
