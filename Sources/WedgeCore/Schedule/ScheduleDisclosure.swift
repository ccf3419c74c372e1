// SPDX-License-Identifier: Apache-2.0

/// What site staff may know of the schedule on a given date, for concealment.
///
/// On date `D`, a site may know: its condition in every period that has started by `D`, and every crossover whose
/// notice date is on or before `D` (staff must prepare). The condition a site starts the study with is announced
/// like a crossover, `notice_weeks` before the start. Nothing else is disclosed, not even the site's sequence
/// number, since it would reveal future crossovers.
public struct ScheduleDisclosure: Sendable, Equatable {
    /// One disclosed fact.
    public struct Event: Sendable, Equatable {
        /// The site.
        public var siteID: String
        /// The first day of the condition.
        public var date: CivilDate
        /// The condition from that date.
        public var conditionID: String
        /// The day it was (or is) announced.
        public var noticeDate: CivilDate
        /// Whether the date has passed (true) or it is announced but still ahead (false).
        public var hasStarted: Bool
    }

    /// The date the disclosure is for.
    public var asOf: CivilDate
    /// The disclosed events, by date, then by site order.
    public var events: [Event]

    /// What the schedule discloses as of `date`.
    public init(schedule: Schedule, asOf date: CivilDate) {
        asOf = date
        let proto = schedule.protocol
        let start = proto.calendar.startDate
        var events: [(Int, Event)] = []
        for (order, assignment) in schedule.assignments.enumerated() {
            let first = proto.design.sequences[assignment.sequenceIndex].conditions[0]
            var all = [Event(siteID: assignment.siteID, date: start, conditionID: first,
                             noticeDate: start.adding(weeks: -proto.noticeWeeks), hasStarted: start <= date)]
            all += schedule.crossovers(of: assignment.siteID).map {
                Event(siteID: $0.siteID, date: $0.date, conditionID: $0.toConditionID, noticeDate: $0.noticeDate,
                      hasStarted: $0.date <= date)
            }
            events += all.filter { $0.noticeDate <= date }.map { (order, $0) }
        }
        self.events = events.sorted { ($0.1.date, $0.0) < ($1.1.date, $1.0) }.map(\.1)
    }
}
