// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore

/// The CONSORT flow of a stepped-wedge trial (Hemming et al., BMJ 2018;363:k1614): participants from
/// enrollment to the third injection by condition, and sites and participants by sequence and period.
public enum ConsortTables {
    /// The flow by condition: enrolled, excluded from the primary analysis, analysed, initiated, not initiated by
    /// reason, deviations, second and third injection. Percentages are of the primary analysis set.
    public static func flow(_ data: ReportData) -> ReportTable {
        let proto = data.protocol
        let groups = data.byCondition(data.rows) + [data.rows]
        let reasons = proto.outcomes.nonInitiationReasons
        func row(_ label: String, percent: Bool = true, _ count: ([AnalysisRow]) -> Int) -> [String] {
            [label] + groups.map { g in
                let n = count(g)
                let base = g.filter(\.isInPrimary).count
                return percent ? NumberFormat.countPercent(n, of: base) : "\(n)"
            }
        }
        var rows: [[String]] = []
        rows.append(row("Enrolled", percent: false) { $0.count })
        if data.rows.contains(where: { !$0.isInPrimary }) {
            rows.append(row("Excluded: admitted in a transition window", percent: false) { $0.filter { !$0.isInPrimary }.count })
        }
        rows.append(row("Primary analysis set", percent: false) { $0.filter(\.isInPrimary).count })
        rows.append(row("Received the other procedure (deviation)") { $0.filter { $0.isInPrimary && $0.isDeviation }.count })
        rows.append(row("Initiated: first injection") { $0.filter { $0.isInPrimary && $0.initiated }.count })
        rows.append(row("Not initiated") { $0.filter { $0.isInPrimary && !$0.initiated }.count })
        let known = Set(reasons.map(\.id))
        for reason in reasons {
            rows.append(row("  " + reason.label) {
                $0.filter { $0.isInPrimary && !$0.initiated && $0.notInitiatedReason == reason.id }.count
            })
        }
        rows.append(row("  Reason not recorded") {
            $0.filter { $0.isInPrimary && !$0.initiated && !known.contains($0.notInitiatedReason ?? "") }.count
        })
        rows.append(row("Second injection, in window") { $0.filter { $0.isInPrimary && $0.secondInjection == true }.count })
        rows.append(row("  Window still open") { $0.filter { $0.isInPrimary && $0.initiated && $0.secondInjection == nil }.count })
        rows.append(row("Third injection, in window") { $0.filter { $0.isInPrimary && $0.thirdInjection == true }.count })
        rows.append(row("  Window still open") { $0.filter { $0.isInPrimary && $0.secondInjection == true && $0.thirdInjection == nil }.count })
        let sites = data.snapshot.schedule.assignments.count
        return ReportTable(
            id: "consort", title: "Participant flow (CONSORT) by condition",
            columns: ["Stage"] + data.conditions.map(\.label) + ["Total"], rows: rows,
            notes: ["\(sites) sites randomized to \(proto.design.sequences.count) sequences (see the sequences table).",
                    "Percentages are of the primary analysis set of each column. Enrolled: participants recorded "
                    + "in the study database; people admitted but not enrolled are not recorded by Wedge.",
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
