// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore
public import WedgeStats

/// Initiation broken down by site and by period, in the primary analysis set, with Wilson 95% intervals.
public enum InitiationTables {
    /// One initiation proportion: a group's initiated and total counts with the Wilson interval.
    public struct Cell: Sendable, Equatable {
        /// The group's label (a site id, or `P3`).
        public var group: String
        /// The condition id.
        public var conditionID: String
        /// Participants initiated.
        public var initiated: Int
        /// Participants in the group.
        public var total: Int
        /// The Wilson 95% interval of the proportion; `nil` when `total` is 0.
        public var interval: IntervalEstimate?
    }

    /// Initiation cells by site (ordered by sequence) and condition: only the conditions the site's sequence
    /// runs, so a site with none of its scheduled participants still shows a row with "–".
    public static func siteCells(_ data: ReportData) -> [Cell] {
        let proto = data.protocol
        var counts: [String: (Int, Int)] = [:]
        for row in data.rows where row.isInPrimary {
            let key = row.site + "\u{1}" + row.condition
            let (x, n) = counts[key] ?? (0, 0)
            counts[key] = (x + (row.initiated ? 1 : 0), n + 1)
        }
        var cells: [Cell] = []
        for assignment in ScheduleTables.orderedAssignments(data.snapshot.schedule) {
            let scheduled = Set(proto.design.sequences[assignment.sequenceIndex].conditions)
            for condition in proto.conditions where scheduled.contains(condition.id) {
                let (x, n) = counts[assignment.siteID + "\u{1}" + condition.id] ?? (0, 0)
                cells.append(cell(assignment.siteID, condition.id, x, n))
            }
        }
        return cells
    }

    /// Initiation cells by period and condition: every condition in every period, empty ones included.
    public static func periodCells(_ data: ReportData) -> [Cell] {
        let proto = data.protocol
        let periods = proto.calendar.periodCount
        let index = data.conditionIndex
        var x = Array(repeating: Array(repeating: 0, count: proto.conditions.count), count: periods)
        var n = x
        for row in data.rows where row.isInPrimary {
            guard let c = index[row.condition], row.period >= 1, row.period <= periods else { continue }
            n[row.period - 1][c] += 1
            if row.initiated { x[row.period - 1][c] += 1 }
        }
        return (0..<periods).flatMap { p in
            proto.conditions.indices.map { c in cell("P\(p + 1)", proto.conditions[c].id, x[p][c], n[p][c]) }
        }
    }

    /// Initiation by site: site, sequence, condition, N, initiated n (%), 95% CI.
    public static func bySite(_ data: ReportData) -> ReportTable {
        let proto = data.protocol
        let schedule = data.snapshot.schedule
        let rows = siteCells(data).map { c -> [String] in
            [c.group, schedule.sequenceIndex(of: c.group).map { "\($0 + 1)" } ?? "–",
             proto.condition(id: c.conditionID)?.label ?? c.conditionID] + numbers(c)
        }
        return ReportTable(
            id: "initiation-site", title: "Initiation by site and condition",
            columns: ["Site", "Sequence", "Condition", "N", "Initiated, n (%)", "95% CI, %"],
            alignments: [.left, .right, .left, .right, .right, .right], rows: rows,
            notes: ["Primary analysis set; each site under the conditions its sequence runs. Wilson score "
                    + "interval; \"–\" where a site enrolled no one under a condition."])
    }

    /// Initiation by period: period, dates, condition, N, initiated n (%), 95% CI.
    public static func byPeriod(_ data: ReportData) -> ReportTable {
        let proto = data.protocol
        let calendar = proto.calendar
        let rows = periodCells(data).map { c -> [String] in
            let p = Int(c.group.dropFirst())! - 1
            return [c.group, "\(calendar.start(ofPeriod: p).iso) to \(calendar.end(ofPeriod: p).iso)",
                    proto.condition(id: c.conditionID)?.label ?? c.conditionID] + numbers(c)
        }
        return ReportTable(
            id: "initiation-period", title: "Initiation by period and condition",
            columns: ["Period", "Dates", "Condition", "N", "Initiated, n (%)", "95% CI, %"],
            alignments: [.left, .left, .left, .right, .right, .right], rows: rows,
            notes: ["Primary analysis set, by enrollment period (admission date). Wilson score interval; \"–\" "
                    + "where no site ran a condition in a period."])
    }

    static func cell(_ group: String, _ condition: String, _ x: Int, _ n: Int) -> Cell {
        Cell(group: group, conditionID: condition, initiated: x, total: n,
             interval: n > 0 ? ProportionInterval.wilson(successes: x, trials: n) : nil)
    }

    static func numbers(_ c: Cell) -> [String] {
        ["\(c.total)", c.total > 0 ? NumberFormat.countPercent(c.initiated, of: c.total) : "–",
         c.interval.map { NumberFormat.percentInterval($0.lower, $0.upper) } ?? "–"]
    }
}
