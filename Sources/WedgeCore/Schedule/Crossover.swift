// SPDX-License-Identifier: Apache-2.0

/// A dated change of condition at one site.
public struct Crossover: Sendable, Equatable {
    /// The site id.
    public var siteID: String
    /// The 0-based period that starts with the new condition.
    public var period: Int
    /// The condition before the crossover.
    public var fromConditionID: String
    /// The condition from the crossover on.
    public var toConditionID: String
    /// The first day of the new condition.
    public var date: CivilDate
    /// The day the site is told, `notice_weeks` before `date` (concealment ends then).
    public var noticeDate: CivilDate
    /// The last day of the transition window, or `nil` when the protocol has none.
    public var transitionEnd: CivilDate?

    /// Creates a crossover.
    public init(
        siteID: String, period: Int, fromConditionID: String, toConditionID: String, date: CivilDate,
        noticeDate: CivilDate, transitionEnd: CivilDate?
    ) {
        self.siteID = siteID
        self.period = period
        self.fromConditionID = fromConditionID
        self.toConditionID = toConditionID
        self.date = date
        self.noticeDate = noticeDate
        self.transitionEnd = transitionEnd
    }
}
