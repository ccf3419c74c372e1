// SPDX-License-Identifier: Apache-2.0

/// One row of a Cox model's coefficient table: log hazard ratio, Wald test and hazard-ratio interval.
///
/// Produced by ``CoxModel/coefficientTable(confidenceLevel:)``.
public struct CoxCoefficient: Sendable, Equatable {
    /// `β̂`, the log hazard ratio.
    public var estimate: Double
    /// The standard error used for `z` and the interval: robust when ``isRobust``, else model-based.
    public var standardError: Double
    /// The model-based standard error `√(I⁻¹)ⱼⱼ`.
    public var modelStandardError: Double
    /// Whether ``standardError`` is the cluster-robust one.
    public var isRobust: Bool
    /// The Wald statistic `β̂ / se`.
    public var z: Double
    /// The two-sided Wald p-value `2·(1 − Φ(|z|))`.
    public var pValue: Double
    /// `exp(β̂)` with its Wald interval `exp(β̂ ± z·se)`.
    public var hazardRatio: IntervalEstimate

    /// Creates a row.
    /// - Parameters:
    ///   - estimate: The log hazard ratio.
    ///   - standardError: The standard error used for inference.
    ///   - modelStandardError: The model-based standard error.
    ///   - isRobust: Whether `standardError` is cluster-robust.
    ///   - z: The Wald statistic.
    ///   - pValue: The two-sided p-value.
    ///   - hazardRatio: The hazard ratio with its interval.
    public init(
        estimate: Double, standardError: Double, modelStandardError: Double, isRobust: Bool, z: Double,
        pValue: Double, hazardRatio: IntervalEstimate
    ) {
        self.estimate = estimate
        self.standardError = standardError
        self.modelStandardError = modelStandardError
        self.isRobust = isRobust
        self.z = z
        self.pValue = pValue
        self.hazardRatio = hazardRatio
    }
}
