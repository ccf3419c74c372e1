// SPDX-License-Identifier: Apache-2.0

/// The smallest positive integer at which a non-decreasing condition holds.
///
/// Doubles `n = 1, 2, 4, …` (capped at `maximum`) until `holds(n)`, then bisects the last bracket on the
/// integers: about `2·log₂ n` evaluations. The condition must be monotone (false, …, false, true, …), as power
/// is in the cluster-period size.
public enum MonotoneSearch {
    /// The smallest `n` in `1...maximum` with `holds(n)`, or `nil` when `holds(maximum)` is false.
    public static func smallest(upTo maximum: Int, where holds: (Int) -> Bool) -> Int? {
        guard maximum >= 1 else { return nil }
        var low = 0  // holds(low) is false (n = 0 observes nothing)
        var high = 1
        while !holds(high) {
            if high >= maximum { return nil }
            low = high
            high = min(2 * high, maximum)
        }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if holds(middle) { high = middle } else { low = middle }
        }
        return high
    }
}
