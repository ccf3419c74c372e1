// SPDX-License-Identifier: Apache-2.0

import RealModule

/// The Kaplan–Meier product-limit estimate of a survival curve, with Greenwood standard errors and
/// pointwise confidence intervals, as `survival::survfit(Surv(time, status) ~ 1)` reports it.
///
/// ## Mathematical properties
/// At each distinct observed time `tᵢ` (ascending, event and censoring times alike, as survfit
/// lists them) with `nᵢ` at risk (`time ≥ tᵢ`), `dᵢ` events and `cᵢ` censorings:
/// - survival `Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ)` (Kaplan & Meier 1958); censored observations at
///   `tᵢ` count as at risk at `tᵢ` (events are taken to precede censorings at a tie);
/// - Greenwood's variance of `log Ŝ`: `σ²(t) = Σ_{tᵢ ≤ t} dᵢ / (nᵢ(nᵢ − dᵢ))` (Greenwood 1926).
///   ``logStandardError`` is `σ` (survfit's `std.err`); ``standardError`` is `Ŝ·σ`, the standard
///   error of `Ŝ` itself (what `summary.survfit` prints);
/// - limits from ``SurvivalConfidenceType`` with `z = Φ⁻¹(1 − (1 − level)/2)`.
///
/// Once everyone at risk has the event, `Ŝ = 0`, `σ = +∞` and the limits are NaN, as in R.
/// Exact arithmetic apart from rounding: tests agree with survival 3.5.3 to 1e-10 relative.
///
/// ```swift
/// let km = KaplanMeier(time: [3, 5, 5, 8, 12], event: [true, true, false, true, false])
/// km.survival(at: 6)       // 0.6
/// km.median.estimate       // 8
/// ```
///
/// References: E. L. Kaplan & P. Meier (1958), "Nonparametric estimation from incomplete
/// observations", *JASA* 53, 457–481. M. Greenwood (1926), *The natural duration of cancer*,
/// Reports on Public Health and Medical Subjects 33, HMSO. T. M. Therneau & P. M. Grambsch (2000),
/// *Modeling Survival Data: Extending the Cox Model*, Springer, §2.1.
public struct KaplanMeier: Sendable, Equatable {
    /// The distinct observed times, ascending (times with only censorings included).
    public let times: [Double]
    /// `nᵢ`, the number at risk at `tᵢ` (observations with `time ≥ tᵢ`).
    public let numberAtRisk: [Int]
    /// `dᵢ`, the number of events at `tᵢ`.
    public let events: [Int]
    /// `cᵢ`, the number censored at `tᵢ`.
    public let censored: [Int]
    /// `Ŝ(tᵢ)`, the product-limit survival just after `tᵢ`.
    public let survival: [Double]
    /// Greenwood's standard error of `log Ŝ(tᵢ)` (survfit's `std.err`).
    public let logStandardError: [Double]
    /// The lower pointwise confidence limit at each `tᵢ` (NaN where undefined).
    public let lower: [Double]
    /// The upper pointwise confidence limit at each `tᵢ` (NaN where undefined).
    public let upper: [Double]
    /// The nominal two-sided coverage of ``lower`` and ``upper``.
    public let confidenceLevel: Double
    /// The scale the limits were built on.
    public let confidenceType: SurvivalConfidenceType
    /// The number of observations used (those with a non-NaN time).
    public let count: Int

    /// Estimates the survival curve of right-censored data.
    ///
    /// Observations whose time is NaN are dropped (R's `na.omit`). No observations gives an empty curve.
    /// - Parameters:
    ///   - time: Follow-up time of each observation.
    ///   - event: `true` for an event at `time`, `false` for censoring; same length as `time`.
    ///   - confidenceLevel: Two-sided coverage of the pointwise limits (default 0.95); outside (0, 1)
    ///     the limits are NaN.
    ///   - confidenceType: The interval's scale (default ``SurvivalConfidenceType/log``, as survfit).
    public init(
        time: [Double], event: [Bool], confidenceLevel: Double = 0.95,
        confidenceType: SurvivalConfidenceType = .log
    ) {
        precondition(time.count == event.count, "time and event must have the same length")
        let order = time.indices.filter { !time[$0].isNaN }.sorted { time[$0] < time[$1] }
        var times: [Double] = []
        var risk: [Int] = []
        var deaths: [Int] = []
        var censorings: [Int] = []
        var remaining = order.count
        var k = 0
        while k < order.count {
            let t = time[order[k]]
            var d = 0
            var c = 0
            while k < order.count, time[order[k]] == t {
                if event[order[k]] { d += 1 } else { c += 1 }
                k += 1
            }
            times.append(t)
            risk.append(remaining)
            deaths.append(d)
            censorings.append(c)
            remaining -= d + c
        }
        let z = IntervalEstimate.criticalValue(confidenceLevel)
        var s = 1.0
        var greenwood = 0.0
        var survival: [Double] = []
        var se: [Double] = []
        var lower: [Double] = []
        var upper: [Double] = []
        for i in times.indices {
            let n = Double(risk[i])
            let d = Double(deaths[i])
            if deaths[i] > 0 {
                s *= (n - d) / n
                greenwood += n == d ? .infinity : d / (n * (n - d))
            }
            let sigma = greenwood.squareRoot()
            let limits = confidenceType.limits(survival: s, logStandardError: sigma, z: z)
            survival.append(s)
            se.append(sigma)
            lower.append(limits.lower)
            upper.append(limits.upper)
        }
        self.times = times
        self.numberAtRisk = risk
        self.events = deaths
        self.censored = censorings
        self.survival = survival
        self.logStandardError = se
        self.lower = lower
        self.upper = upper
        self.confidenceLevel = confidenceLevel
        self.confidenceType = confidenceType
        self.count = order.count
    }

    /// The standard error of `Ŝ(tᵢ)`, `Ŝ·σ` (delta method; `summary.survfit`'s `std.err`).
    ///
    /// NaN once `Ŝ = 0` (`0·∞`), as R.
    public var standardError: [Double] {
        zip(survival, logStandardError).map { $0 == 0 ? .nan : $0 * $1 }
    }

    /// The indices of the times at which at least one event occurred (the rows `summary.survfit` prints
    /// without `times =`).
    public var eventIndices: [Int] { events.indices.filter { events[$0] > 0 } }
}
