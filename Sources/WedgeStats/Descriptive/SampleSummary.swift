// SPDX-License-Identifier: Apache-2.0

/// The count, mean, standard deviation and quartiles of a sample, as R's `mean`, `sd` and `quantile` report them.
///
/// ## Mathematical properties
/// Missing values (NaN) are dropped first, as R's `na.rm = TRUE`; ``missing`` counts them. With `n` the remaining
/// count and `x₍₁₎ ≤ … ≤ x₍ₙ₎` the sorted values:
/// - mean `x̄ = Σ xᵢ / n`, accumulated with Neumaier's compensated sum;
/// - standard deviation `s = √(Σ (xᵢ − x̄)² / (n − 1))` (Bessel's correction), computed from the centred values;
/// - quartiles by ``Quantile/type7(sorted:_:)`` (R's default, Hyndman & Fan 1996 type 7).
///
/// Edge cases never trap: `n = 0` gives a NaN mean, standard deviation and quantiles; `n = 1` gives a NaN
/// standard deviation (R's `sd` returns `NA`). Infinite values propagate as in R.
///
/// ```swift
/// let s = SampleSummary([1, 2, 3, 4, .nan])
/// s.count          // 4
/// s.missing        // 1
/// s.mean           // 2.5
/// s.median         // 2.5
/// ```
///
/// References: R. J. Hyndman & Y. Fan (1996), "Sample quantiles in statistical packages", *The American
/// Statistician* 50, 361–365. A. Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation
/// endlicher Summen", *ZAMM* 54, 39–51.
public struct SampleSummary: Sendable, Equatable {
    /// The number of non-missing values.
    public let count: Int
    /// The number of missing (NaN) values dropped.
    public let missing: Int
    /// The arithmetic mean (NaN when `count == 0`).
    public let mean: Double
    /// The sample standard deviation with `n − 1` in the denominator (NaN when `count < 2`).
    public let standardDeviation: Double
    /// The smallest value (NaN when `count == 0`).
    public let minimum: Double
    /// The first quartile, type 7.
    public let lowerQuartile: Double
    /// The median, type 7.
    public let median: Double
    /// The third quartile, type 7.
    public let upperQuartile: Double
    /// The largest value (NaN when `count == 0`).
    public let maximum: Double

    /// Summarizes `values`, dropping NaNs.
    /// - Parameter values: The sample; NaN marks a missing value.
    public init(_ values: [Double]) {
        let kept = values.filter { !$0.isNaN }.sorted()
        count = kept.count
        missing = values.count - kept.count
        mean = Self.mean(kept)
        if kept.count > 1 {
            var squares = CompensatedSum()
            for x in kept { squares.add((x - mean) * (x - mean)) }
            standardDeviation = (squares.value / Double(kept.count - 1)).squareRoot()
        } else {
            standardDeviation = .nan
        }
        minimum = kept.first ?? .nan
        maximum = kept.last ?? .nan
        lowerQuartile = Quantile.type7(sorted: kept, 0.25)
        median = Quantile.type7(sorted: kept, 0.5)
        upperQuartile = Quantile.type7(sorted: kept, 0.75)
    }

    /// The compensated mean of `values` (NaN for an empty array).
    static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        var sum = CompensatedSum()
        for x in values { sum.add(x) }
        return sum.value / Double(values.count)
    }
}

/// Neumaier's compensated (improved Kahan–Babuška) summation.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    /// Adds `x`.
    mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    /// The sum so far.
    var value: Double { sum + compensation }
}
