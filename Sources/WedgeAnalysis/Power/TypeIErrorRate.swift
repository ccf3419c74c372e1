// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// The empirical rejection rate of one test under no effect, with its Monte Carlo interval (see
/// ``TypeIErrorSimulation``).
public struct TypeIErrorRate: Sendable, Equatable {
    /// The test.
    public var test: String
    /// Trials in which it rejected (`p ≤ α`).
    public var rejections: Int
    /// Trials in which it gave a p-value.
    public var usable: Int
    /// Trials simulated.
    public var trials: Int
    /// The rate `rejections / usable` with its Monte Carlo interval.
    public var rate: IntervalEstimate
    /// The nominal level α.
    public var alpha: Double

    /// Whether the size is acceptable: the Monte Carlo interval includes α or lies below it.
    public var holdsLevel: Bool { rate.lower <= alpha }
}
