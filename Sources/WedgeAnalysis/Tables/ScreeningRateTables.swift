// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// Screening, eligibility, consent and enrollment rates by site × period and by condition: the table a
/// stepped-wedge reviewer asks for to see whether recruitment differed between conditions.
public enum ScreeningRateTables {
    /// One row per site and period that screened anyone (sites in sequence order, as the enrollment table), then one
    /// row per condition over all sites and periods, then the total. Each screening counts under the condition and
    /// period stamped at its site on the screening date; "enrolled" counts screenings linked to an enrolled
    /// participant.
    public static func bySitePeriod(_ snapshot: StudySnapshot) -> ReportTable {
        let proto = snapshot.protocol
        let enrolled = Set(snapshot.enrollments.map(\.record.id))
        struct Counts { var screened = 0, eligible = 0, consented = 0, enrolled = 0 }
        func add(_ counts: inout Counts, _ s: ScreeningRecord) {
            counts.screened += 1
            if s.isEligible { counts.eligible += 1 }
            if s.isEligible && s.consented == true { counts.consented += 1 }
            if let p = s.participantID, enrolled.contains(p) { counts.enrolled += 1 }
        }
        var cells: [String: [Int: Counts]] = [:]
        var byCondition: [String: Counts] = [:]
        var total = Counts()
        for s in snapshot.screenings {
            add(&cells[s.siteID, default: [:]][s.period, default: Counts()], s)
            add(&byCondition[s.conditionID, default: Counts()], s)
            add(&total, s)
        }
        func values(_ c: Counts) -> [String] {
            ["\(c.screened)", "\(c.eligible)", "\(c.consented)", "\(c.enrolled)", rate(c.eligible, c.screened),
             rate(c.consented, c.eligible), rate(c.enrolled, c.screened)]
        }
        func label(_ condition: String) -> String { proto.condition(id: condition)?.label ?? condition }
        var rows: [[String]] = []
        let periods = snapshot.schedule
        for assignment in ScheduleTables.orderedAssignments(periods) {
            guard let site = cells[assignment.siteID] else { continue }
            for period in site.keys.sorted() {
                let condition = proto.design.sequences[assignment.sequenceIndex].conditions[period]
                rows.append([assignment.siteID, "P\(period + 1)", label(condition)] + values(site[period]!))
            }
        }
        for condition in proto.conditions where byCondition[condition.id] != nil {
            rows.append(["All sites", "All", condition.label] + values(byCondition[condition.id]!))
        }
        rows.append(["Total", "", ""] + values(total))
        var notes = ["Screenings by the site, and the condition and period in effect there on the screening date "
                     + "(stamped from the schedule, never typed). Eligible % of screened; consented % of eligible; "
                     + "enrolled % of screened (screenings linked to an enrolled participant)."]
        if snapshot.screenings.isEmpty { notes.append("No screening log is recorded for this study.") }
        return ReportTable(
            id: "screening", title: "Screening, eligibility and consent by site, period and condition",
            columns: ["Site", "Period", "Condition", "Screened", "Eligible", "Consented", "Enrolled", "Eligible %",
                      "Consented % of eligible", "Enrolled % of screened"],
            alignments: [.left, .left, .left] + Array(repeating: .right, count: 7), rows: rows, notes: notes)
    }

    /// `part` as a percentage of `whole`, `–` when `whole` is zero.
    static func rate(_ part: Int, _ whole: Int) -> String {
        whole > 0 ? NumberFormat.percent(Double(part) / Double(whole)) : "–"
    }
}
