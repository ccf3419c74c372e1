// SPDX-License-Identifier: Apache-2.0

/// A point estimate with a two-sided confidence interval.
///
/// Produced by ``ProportionInterval``, ``RiskDifference``, ``RiskRatio`` and ``OddsRatio``.
/// When inputs are invalid every field except ``confidenceLevel`` is NaN; the producing
/// function documents when a bound may be infinite.
public struct IntervalEstimate: Sendable, Equatable {
    /// The point estimate, for example `x/n` or a ratio.
    public var estimate: Double
    /// The lower confidence limit.
    public var lower: Double
    /// The upper confidence limit.
    public var upper: Double
    /// The nominal two-sided coverage, for example `0.95`.
    public var confidenceLevel: Double

    /// Creates an interval estimate.
    /// - Parameters:
    ///   - estimate: The point estimate.
    ///   - lower: The lower confidence limit.
    ///   - upper: The upper confidence limit.
    ///   - confidenceLevel: The nominal two-sided coverage.
    public init(estimate: Double, lower: Double, upper: Double, confidenceLevel: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.confidenceLevel = confidenceLevel
    }

    /// An estimate whose fields are all NaN, returned for invalid inputs.
    static func undefined(_ confidenceLevel: Double) -> IntervalEstimate {
        IntervalEstimate(estimate: .nan, lower: .nan, upper: .nan, confidenceLevel: confidenceLevel)
    }

    /// The two-sided normal critical value `z = Φ⁻¹(1 − (1 − level)/2)`, or NaN unless `0 < level < 1`.
    static func criticalValue(_ confidenceLevel: Double) -> Double {
        guard confidenceLevel > 0, confidenceLevel < 1 else { return .nan }
        return Normal.complementaryQuantile((1 - confidenceLevel) / 2)
    }
}
