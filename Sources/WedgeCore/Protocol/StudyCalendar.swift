// SPDX-License-Identifier: Apache-2.0

/// The study calendar: consecutive periods of equal length from a start date.
///
/// Period `p` (0-based) covers the half-open day range
/// `[start + p·weeks·7, start + (p+1)·weeks·7)`. The study window is the union of all periods.
public struct StudyCalendar: Sendable, Equatable {
    /// The first day of period 1.
    public var startDate: CivilDate
    /// The length of each period in weeks (at least 1).
    public var periodWeeks: Int
    /// The number of periods.
    public var periodCount: Int

    /// Creates a calendar.
    public init(startDate: CivilDate, periodWeeks: Int, periodCount: Int) {
        self.startDate = startDate
        self.periodWeeks = periodWeeks
        self.periodCount = periodCount
    }

    /// The first day of the 0-based period `index`.
    public func start(ofPeriod index: Int) -> CivilDate { startDate.adding(weeks: index * periodWeeks) }

    /// The last day of the 0-based period `index`.
    public func end(ofPeriod index: Int) -> CivilDate { start(ofPeriod: index + 1).adding(days: -1) }

    /// The last day of the study window.
    public var endDate: CivilDate { end(ofPeriod: periodCount - 1) }

    /// The 0-based period that contains `date`, or `nil` outside the study window.
    public func period(containing date: CivilDate) -> Int? {
        let offset = startDate.days(to: date)
        guard offset >= 0 else { return nil }
        let index = offset / (7 * periodWeeks)
        return index < periodCount ? index : nil
    }
}
