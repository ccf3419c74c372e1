// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// Enrollment counts laid over the design: sites × periods, each cell marked by its condition.
public enum EnrollmentTables {
    /// Sites as rows (ordered by sequence), periods as columns; each cell is `count code`, e.g. `12 R`.
    /// A final row and column give totals; `*` marks cells with transition admissions.
    public static func bySitePeriod(_ snapshot: StudySnapshot) -> ReportTable {
        let schedule = snapshot.schedule
        let proto = snapshot.protocol
        let periods = proto.calendar.periodCount
        var counts: [String: [Int]] = [:]
        var transition: [String: [Bool]] = [:]
        for e in snapshot.enrollments {
            counts[e.record.siteID, default: Array(repeating: 0, count: periods)][e.period] += 1
            if e.isTransition { transition[e.record.siteID, default: Array(repeating: false, count: periods)][e.period] = true }
        }
        var rows: [[String]] = []
        var columnTotals = Array(repeating: 0, count: periods)
        for assignment in ScheduleTables.orderedAssignments(schedule) {
            let site = assignment.siteID
            let row = counts[site] ?? Array(repeating: 0, count: periods)
            let codes = proto.design.sequences[assignment.sequenceIndex].conditions.map {
                proto.condition(id: $0).map { String($0.code) } ?? "?"
            }
            let cells = (0..<periods).map { p in
                "\(row[p]) \(codes[p])" + ((transition[site]?[p] ?? false) ? "*" : "")
            }
            for p in 0..<periods { columnTotals[p] += row[p] }
            rows.append([site, "\(assignment.sequenceIndex + 1)"] + cells + ["\(row.reduce(0, +))"])
        }
        rows.append(["Total", ""] + columnTotals.map(String.init) + ["\(columnTotals.reduce(0, +))"])
        let legend = proto.conditions.map { "\($0.code) = \($0.label)" }.joined(separator: "; ")
        var notes = ["Participants by site and enrollment period (by admission date). \(legend)."]
        if transition.values.contains(where: { $0.contains(true) }) {
            notes.append("* the cell includes admissions in a transition window"
                         + (proto.transition.includeInPrimary ? "." : ", left out of the primary analysis."))
        }
        return ReportTable(
            id: "enrollment", title: "Enrollment by site and period",
            columns: ["Site", "Sequence"] + (1...max(1, periods)).map { "P\($0)" } + ["Total"], rows: rows, notes: notes)
    }
}
