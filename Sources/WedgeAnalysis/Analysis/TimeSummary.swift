// SPDX-License-Identifier: Apache-2.0

internal import WedgeStats

/// A time in days summarized in one condition: n, median and interquartile range (type-7 quantiles).
public struct TimeSummary: Sendable, Equatable {
    /// The condition id.
    public var id: String
    /// The condition label.
    public var label: String
    /// Participants with a known time.
    public var count: Int
    /// The median (NaN when `count` is 0).
    public var median: Double
    /// The first quartile.
    public var lowerQuartile: Double
    /// The third quartile.
    public var upperQuartile: Double

    init(id: String, label: String, days: [Int]) {
        let q = Quantile.quartiles(days.map(Double.init))
        self.id = id
        self.label = label
        count = days.count
        median = q.median
        lowerQuartile = q.lower
        upperQuartile = q.upper
    }
}
