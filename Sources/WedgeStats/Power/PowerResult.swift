// SPDX-License-Identifier: Apache-2.0

/// The analytic power of a cluster × period design, with the variance it rests on.
///
/// All fields are NaN when the inputs are out of range or the effect is not estimable from the
/// design (see ``HusseyHughesPower/compute(_:)``).
public struct PowerResult: Sendable, Equatable {
    /// Two-sided power of the Wald z-test, `Φ(|θ|/SE − z) + Φ(−|θ|/SE − z)`, `z = Φ⁻¹(1 − α/2)`.
    public var power: Double
    /// `Var(θ̂)`, the GLS variance of the risk difference.
    public var variance: Double
    /// `SE(θ̂) = √Var(θ̂)`.
    public var standardError: Double
    /// The effect `θ = p₁ − p₀`.
    public var effect: Double
    /// `Var(θ̂) / (4σ²/N)`: the variance relative to an individually randomized 1:1 trial with the same
    /// total number of participants `N = Σ m_ij` and the same pooled `σ² = p̄(1 − p̄)`. A value of 2 means
    /// the design needs twice as many participants as individual randomization for the same power.
    public var designEffect: Double
    /// `N = Σ m_ij` over observed cells.
    public var totalSampleSize: Int
    /// The pooled individual-level variance `σ² = p̄(1 − p̄)`.
    public var outcomeVariance: Double
    /// `τ²`: the cluster variance shared by all periods (scaled by `r^|j−k|` under decay).
    public var clusterVariance: Double
    /// `γ²`: the cluster × period variance (0 under decay and when `CAC = 1`).
    public var clusterPeriodVariance: Double
    /// The critical value `z = Φ⁻¹(1 − α/2)`.
    public var criticalValue: Double

    /// Creates a result; values are stored as given.
    public init(
        power: Double, variance: Double, standardError: Double, effect: Double, designEffect: Double,
        totalSampleSize: Int, outcomeVariance: Double, clusterVariance: Double, clusterPeriodVariance: Double,
        criticalValue: Double
    ) {
        self.power = power
        self.variance = variance
        self.standardError = standardError
        self.effect = effect
        self.designEffect = designEffect
        self.totalSampleSize = totalSampleSize
        self.outcomeVariance = outcomeVariance
        self.clusterVariance = clusterVariance
        self.clusterPeriodVariance = clusterPeriodVariance
        self.criticalValue = criticalValue
    }
}
