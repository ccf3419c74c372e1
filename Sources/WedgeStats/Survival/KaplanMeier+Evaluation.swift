// SPDX-License-Identifier: Apache-2.0

extension KaplanMeier {
    /// `Ŝ(t)`: the survival step function at any time.
    ///
    /// Right-continuous: at an event time it is the value just after the drop, before the first
    /// observed time it is 1, after the last it stays at the last value (it is not extrapolated to 0).
    /// NaN gives NaN.
    /// - Parameter t: The time at which to read the curve (for example 30 or 60 days).
    /// - Returns: The estimated probability of surviving beyond `t`.
    public func survival(at t: Double) -> Double {
        guard !t.isNaN else { return .nan }
        let i = countNotAfter(t)
        return i == 0 ? 1 : survival[i - 1]
    }

    /// The number at risk at `t`: observations with `time ≥ t`, the figure printed in a
    /// Kaplan–Meier plot's at-risk table (and by `summary(survfit, times = t)`).
    /// - Parameter t: The time.
    /// - Returns: The count at risk; 0 after the last observed time and for NaN.
    public func numberAtRisk(at t: Double) -> Int {
        guard !t.isNaN else { return 0 }
        let i = countBefore(t)
        return i < times.count ? numberAtRisk[i] : 0
    }

    /// The curve at requested times, exactly as `summary(survfit, times = times, extend = extend)`.
    ///
    /// Times are sorted; non-finite ones are dropped. Without `extend`, times after the last observed
    /// time are dropped (R's default); with it they report the last survival value and 0 at risk.
    /// A time before the origin `min(0, first time)` reports the origin (survival 1, everyone at risk).
    /// Events and censorings are counted in `(previous requested time, t]`, the first interval starting
    /// at the origin.
    /// - Parameters:
    ///   - times: The times to report, for example `[30, 60]`.
    ///   - extend: Whether to report times beyond the last observation (default `false`).
    /// - Returns: One ``KaplanMeierPoint`` per retained time, in ascending order.
    public func summary(at times: [Double], extend: Bool = false) -> [KaplanMeierPoint] {
        let last = self.times.last ?? 0
        let requested = times.filter { $0.isFinite && (extend || $0 <= Swift.max(last, 0)) }.sorted()
        var points: [KaplanMeierPoint] = []
        var eventsBefore = 0
        var censoredBefore = 0
        for t in requested {
            let i = countNotAfter(t)
            let eventsUpTo = events[..<i].reduce(0, +)
            let censoredUpTo = censored[..<i].reduce(0, +)
            let s = i == 0 ? 1 : survival[i - 1]
            let se = i == 0 ? 0 : standardError(row: i - 1)
            points.append(
                KaplanMeierPoint(
                    time: t, numberAtRisk: numberAtRisk(at: t),
                    events: eventsUpTo - eventsBefore, censored: censoredUpTo - censoredBefore,
                    survival: s, standardError: se,
                    lower: i == 0 ? 1 : lower[i - 1], upper: i == 0 ? 1 : upper[i - 1]))
            eventsBefore = eventsUpTo
            censoredBefore = censoredUpTo
        }
        return points
    }

    /// `Ŝ·σ` at one row.
    func standardError(row i: Int) -> Double {
        survival[i] == 0 ? .nan : survival[i] * logStandardError[i]
    }

    /// The number of observed times `≤ t` (R's `findInterval(t, time)`).
    func countNotAfter(_ t: Double) -> Int {
        var lo = 0
        var hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The number of observed times `< t`.
    func countBefore(_ t: Double) -> Int {
        var lo = 0
        var hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
