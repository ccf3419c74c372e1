// SPDX-License-Identifier: Apache-2.0

/// The Kaplan–Meier curve read at one requested time, one row of `summary(survfit, times = …)`.
///
/// Produced by ``KaplanMeier/summary(at:extend:)``.
public struct KaplanMeierPoint: Sendable, Equatable {
    /// The requested time `t`.
    public var time: Double
    /// The number at risk at `t`: observations with `time ≥ t` (0 beyond the last time).
    public var numberAtRisk: Int
    /// Events in `(t_previous, t]`, where `t_previous` is the previous requested time (or the origin).
    public var events: Int
    /// Censorings in `(t_previous, t]`.
    public var censored: Int
    /// `Ŝ(t)`, the step function read at `t` (right-continuous; 1 before the first event).
    public var survival: Double
    /// The standard error of `Ŝ(t)`, `Ŝ·σ` (NaN once `Ŝ = 0`).
    public var standardError: Double
    /// The lower pointwise confidence limit (NaN where undefined).
    public var lower: Double
    /// The upper pointwise confidence limit (NaN where undefined).
    public var upper: Double

    /// Creates a point.
    /// - Parameters:
    ///   - time: The requested time.
    ///   - numberAtRisk: The number at risk at `time`.
    ///   - events: Events since the previous requested time.
    ///   - censored: Censorings since the previous requested time.
    ///   - survival: The survival estimate.
    ///   - standardError: Its standard error.
    ///   - lower: The lower confidence limit.
    ///   - upper: The upper confidence limit.
    public init(
        time: Double, numberAtRisk: Int, events: Int, censored: Int, survival: Double,
        standardError: Double, lower: Double, upper: Double
    ) {
        self.time = time
        self.numberAtRisk = numberAtRisk
        self.events = events
        self.censored = censored
        self.survival = survival
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
    }
}
