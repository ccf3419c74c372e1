// SPDX-License-Identifier: Apache-2.0

/// What a site runs on a given date: the condition, the period, and whether the date is in a transition window.
public struct ScheduledCell: Sendable, Equatable {
    /// The condition id the site runs.
    public var conditionID: String
    /// The 0-based period.
    public var period: Int
    /// Whether the date falls in the transition weeks right after the site's crossover.
    public var isTransition: Bool

    /// Creates a cell.
    public init(conditionID: String, period: Int, isTransition: Bool) {
        self.conditionID = conditionID
        self.period = period
        self.isTransition = isTransition
    }
}
