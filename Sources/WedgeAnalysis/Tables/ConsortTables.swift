// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore

/// The CONSORT flow of a stepped-wedge trial (Hemming et al., BMJ 2018;363:k1614): people from assessment for
/// eligibility (the screening log) through enrollment to the third injection by condition, and sites and participants by sequence and period.
public enum ConsortTables {
    /// The flow by condition: assessed for eligibility, excluded (not eligible, by reason; declined consent) and
    /// enrolled (``ScreeningFlow``, when the study has a screening log), then excluded from the primary analysis,
    /// analysed, initiated, not initiated by reason, deviations, second and third injection. Percentages are of the
    /// primary analysis set.
    public static func flow(_ data: ReportData) -> ReportTable {
        let proto = data.protocol
        let reasons = proto.outcomes.nonInitiationReasons
        let reasonIndex = Dictionary(reasons.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let columns = data.conditions.count + 1
        // One pass over the participants; each stage is a row of counts by column (conditions, then total).
        enum Stage: Int, CaseIterable {
            case enrolled, excluded, analysed, deviation, initiated, notInitiated, noReason, second, secondOpen, third,
                 thirdOpen
        }
        var counts = Array(repeating: Array(repeating: 0, count: columns), count: Stage.allCases.count)
        var byReason = Array(repeating: Array(repeating: 0, count: columns), count: reasons.count)
        let overall = data.conditions.count
        data.forEachRow { row, group in
            func add(_ stage: Stage) {
                counts[stage.rawValue][overall] += 1
                if let group { counts[stage.rawValue][group] += 1 }
            }
            add(.enrolled)
            guard row.isInPrimary else {
                add(.excluded)
                return
            }
            add(.analysed)
            if row.isDeviation { add(.deviation) }
            if row.initiated {
                add(.initiated)
                if row.secondInjection == nil { add(.secondOpen) }
            } else {
                add(.notInitiated)
                if let reason = row.notInitiatedReason.flatMap({ reasonIndex[$0] }) {
                    byReason[reason][overall] += 1
                    if let group { byReason[reason][group] += 1 }
                } else {
                    add(.noReason)
                }
            }
            if row.secondInjection == true {
                add(.second)
                if row.thirdInjection == nil { add(.thirdOpen) }
            }
            if row.thirdInjection == true { add(.third) }
        }
        let base = counts[Stage.analysed.rawValue]
        func row(_ label: String, _ values: [Int], percent: Bool = true) -> [String] {
            [label] + values.indices.map { g in percent ? NumberFormat.countPercent(values[g], of: base[g]) : "\(values[g])" }
        }
        func row(_ label: String, _ stage: Stage, percent: Bool = true) -> [String] {
            row(label, counts[stage.rawValue], percent: percent)
        }
        var rows: [[String]] = []
        let screening = data.snapshot.screenings.isEmpty ? nil : ScreeningFlow(data.snapshot)
        if let flow = screening {
            func count(_ label: String, _ values: [Int]) -> [String] { [label] + values.map(String.init) }
            rows.append(count("Assessed for eligibility (screened)", flow.screened))
            rows.append(count("Excluded: not eligible", flow.notEligible))
            for (r, reason) in proto.outcomes.screeningExclusionReasons.enumerated() {
                rows.append(count("  " + reason.label, flow.notEligibleByReason[r]))
            }
            if flow.reasonNotListed.last! > 0 { rows.append(count("  Reason not in the protocol's list", flow.reasonNotListed)) }
            rows.append(count("Excluded: eligible, declined consent", flow.declinedConsent))
            rows.append(count("Eligible and consented", flow.consented))
            rows.append(count("  Consented, not enrolled", flow.consentedNotEnrolled))
            rows.append(count("Enrolled from a screening", flow.enrolledFromScreening))
            if flow.enrolledWithoutScreening.last! > 0 {
                rows.append(count("Enrolled without a screening record", flow.enrolledWithoutScreening))
            }
        }
        rows.append(row("Enrolled", .enrolled, percent: false))
        if counts[Stage.excluded.rawValue].last! > 0 {
            rows.append(row("Excluded: admitted in a transition window", .excluded, percent: false))
        }
        rows.append(row("Primary analysis set", .analysed, percent: false))
        rows.append(row("Received the other procedure (deviation)", .deviation))
        rows.append(row("Initiated: first injection", .initiated))
        rows.append(row("Not initiated", .notInitiated))
        for (r, reason) in reasons.enumerated() { rows.append(row("  " + reason.label, byReason[r])) }
        rows.append(row("  Reason not recorded", .noReason))
        rows.append(row("Second injection, in window", .second))
        rows.append(row("  Window still open", .secondOpen))
        rows.append(row("Third injection, in window", .third))
        rows.append(row("  Window still open", .thirdOpen))
        let sites = data.snapshot.schedule.assignments.count
        return ReportTable(
            id: "consort", title: "Participant flow (CONSORT) by condition",
            columns: ["Stage"] + data.conditions.map(\.label) + ["Total"], rows: rows,
            notes: ["\(sites) sites randomized to \(proto.design.sequences.count) sequences (see the sequences table).",
                    "Percentages are of the primary analysis set of each column. " + (screening == nil
                        ? "Enrolled: participants recorded in the study database; no screening log is recorded, so "
                            + "the flow starts at enrollment."
                        : "Screened: the screening log, under the condition in effect at the site on the screening "
                            + "date, or, for a person enrolled from the screening, under the condition of their "
                            + "enrollment; every step adds up in every column."),
                    "Injections count only inside the protocol's windows (second: \(window(proto.outcomes.secondInjectionWindow)) "
                    + "days after the first; third: \(window(proto.outcomes.thirdInjectionWindow)) days after the "
                    + "second); \"window still open\" on the data-lock date \(data.snapshot.dataLockDate.iso)."])
    }

    /// Sites and participants by sequence and period: one row per sequence with its site count, then each
    /// period's enrolled participants and the condition's code (`12 R`), and the total.
    public static func sequences(_ data: ReportData) -> ReportTable {
        let proto = data.protocol
        let schedule = data.snapshot.schedule
        let periods = proto.calendar.periodCount
        let sequenceOfSite = Dictionary(schedule.assignments.map { ($0.siteID, $0.sequenceIndex) },
                                        uniquingKeysWith: { first, _ in first })
        var counts = Array(repeating: Array(repeating: 0, count: periods), count: proto.design.sequences.count)
        for row in data.rows {
            guard let s = sequenceOfSite[row.site], row.period >= 1, row.period <= periods else { continue }
            counts[s][row.period - 1] += 1
        }
        var rows: [[String]] = []
        var totals = Array(repeating: 0, count: periods)
        for (s, sequence) in proto.design.sequences.enumerated() {
            let sites = schedule.assignments.filter { $0.sequenceIndex == s }.map(\.siteID)
            let codes = sequence.conditions.map { id in proto.condition(id: id).map { String($0.code) } ?? "?" }
            let cells = (0..<periods).map { p in "\(counts[s][p]) \(codes[p])" }
            for p in 0..<periods { totals[p] += counts[s][p] }
            rows.append(["\(s + 1) " + codes.joined(), sites.isEmpty ? "–" : sites.joined(separator: ", ")]
                        + cells + ["\(counts[s].reduce(0, +))"])
        }
        rows.append(["Total", "\(schedule.assignments.count)"] + totals.map(String.init) + ["\(totals.reduce(0, +))"])
        let legend = proto.conditions.map { "\($0.code) = \($0.label)" }.joined(separator: "; ")
        return ReportTable(
            id: "sequences", title: "Sites and participants by sequence and period",
            columns: ["Sequence", "Sites"] + (1...max(1, periods)).map { "P\($0)" } + ["Total"],
            alignments: [.left, .left] + Array(repeating: .right, count: periods + 1), rows: rows,
            notes: ["Enrolled participants by the sequence their site was randomized to, and by enrollment period "
                    + "(admission date). \(legend)."])
    }

    static func window(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)–\(range.upperBound)" }
}
