// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// Tables that show a randomized schedule: the dated design matrix and the crossover calendar.
public enum ScheduleTables {
    /// Sites as rows and periods as columns, each cell the condition's code; sites are ordered by sequence.
    public static func design(_ schedule: Schedule) -> ReportTable {
        let proto = schedule.protocol
        let calendar = proto.calendar
        let periods = (0..<calendar.periodCount).map { "P\($0 + 1) \(calendar.start(ofPeriod: $0).iso)" }
        let rows = orderedAssignments(schedule).map { assignment -> [String] in
            let cells = proto.design.sequences[assignment.sequenceIndex].conditions.map { id in
                proto.condition(id: id).map { String($0.code) } ?? "?"
            }
            return [assignment.siteID, "\(assignment.sequenceIndex + 1)"] + cells
        }
        let legend = proto.conditions.map { "\($0.code) = \($0.label)" }.joined(separator: "; ")
        return ReportTable(
            id: "schedule", title: "Randomized schedule: \(proto.study.id), seed \(schedule.seed)",
            columns: ["Site", "Sequence"] + periods, rows: rows,
            notes: [legend + ".",
                    "\(calendar.periodCount) periods of \(calendar.periodWeeks) weeks, \(calendar.startDate.iso) to "
                        + "\(calendar.endDate.iso). Algorithm \(schedule.algorithm)."])
    }

    /// Every crossover with its date, notice date and transition window.
    public static func crossovers(_ schedule: Schedule) -> ReportTable {
        let proto = schedule.protocol
        let rows = schedule.allCrossovers.map { c -> [String] in
            let from = proto.condition(id: c.fromConditionID)?.label ?? c.fromConditionID
            let to = proto.condition(id: c.toConditionID)?.label ?? c.toConditionID
            return [c.date.iso, c.siteID, "P\(c.period + 1)", "\(from) → \(to)", c.noticeDate.iso,
                    c.transitionEnd.map { "\(c.date.iso)–\($0.iso)" } ?? "none"]
        }
        return ReportTable(
            id: "crossovers", title: "Crossover calendar", columns: ["Date", "Site", "Period", "Change", "Site told",
                                                                      "Transition"],
            alignments: [.left, .left, .left, .left, .left, .left], rows: rows,
            notes: ["Sites are told \(proto.noticeWeeks) weeks before their crossover; until then the schedule is "
                    + "concealed from site staff."])
    }

    /// One row per site and period: dates and condition (long format, for scripts).
    public static func cells(_ schedule: Schedule) -> ReportTable {
        let proto = schedule.protocol
        let cal = proto.calendar
        let rows = schedule.assignments.flatMap { a in
            proto.design.sequences[a.sequenceIndex].conditions.enumerated().map { p, id in
                [a.siteID, "\(a.sequenceIndex + 1)", "\(p + 1)", cal.start(ofPeriod: p).iso, cal.end(ofPeriod: p).iso, id]
            }
        }
        return ReportTable(id: "schedule-cells", title: "Schedule by site and period",
                           columns: ["site_id", "sequence_index", "period", "start_date", "end_date", "condition"],
                           rows: rows)
    }

    /// What site staff may know on a date (see ``ScheduleDisclosure``).
    public static func disclosure(_ d: ScheduleDisclosure, schedule: Schedule, site: String?) -> ReportTable {
        let proto = schedule.protocol
        let rows = d.events.filter { site == nil || $0.siteID == site }.map { e -> [String] in
            [e.siteID, e.date.iso, proto.condition(id: e.conditionID)?.label ?? e.conditionID, e.noticeDate.iso,
             e.hasStarted ? "in effect" : "announced"]
        }
        return ReportTable(
            id: "reveal", title: "Schedule as site staff may know it on \(d.asOf.iso)",
            columns: ["Site", "From", "Condition", "Announced", "Status"],
            alignments: [.left, .left, .left, .left, .left], rows: rows,
            notes: ["Only conditions in effect and crossovers announced \(proto.noticeWeeks) weeks ahead are shown."])
    }

    /// The assignments ordered by sequence, then by protocol site order.
    static func orderedAssignments(_ schedule: Schedule) -> [SiteAssignment] {
        schedule.assignments.enumerated()
            .sorted { ($0.element.sequenceIndex, $0.offset) < ($1.element.sequenceIndex, $1.offset) }
            .map(\.element)
    }
}
