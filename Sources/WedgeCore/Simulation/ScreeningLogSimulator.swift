// SPDX-License-Identifier: Apache-2.0

/// A synthetic screening log for a set of enrolled participants: every participant was screened (eligible and
/// consented) on the day of admission and is linked to that screening; around each of them, people screened and
/// found not eligible, or eligible but declining consent, in realistic numbers. Deterministic: the same protocol,
/// participants and seed give the same log, from one ``KeyedRandomStream`` labelled `"screening"`.
///
/// Per enrolled participant, the log holds on average 0.8 more people not eligible (0, 0, 1, 1 or 2, equally
/// likely) and 0.25 eligible people who declined consent (1 in 4), screened within three days of that admission
/// (inside the study window). Reasons are drawn from the protocol's `screening_exclusion_reasons` with weights
/// falling with their position (the first listed is the most common; see ``reasonWeights``).
public struct ScreeningLogSimulator: Sendable {
    /// The protocol whose sites, calendar and reasons the log uses.
    public let `protocol`: StudyProtocol
    /// The seed.
    public let seed: String

    /// Creates a simulator.
    public init(protocol: StudyProtocol, seed: String) {
        self.protocol = `protocol`
        self.seed = seed
    }

    /// The weight of the reason at each position of the list (repeating the last for longer lists): the first
    /// reasons are the common ones (no opioid use disorder, already on or declining medication), "other" last.
    public static let reasonWeights = [25, 35, 15, 5, 10, 10]

    /// The log for `participants`, sorted by site (protocol order), screening date and id; ids are
    /// `scr-SITE-NNNN`, numbered by date at each site.
    public func run(participants: [ParticipantRecord]) -> [ScreeningEntry] {
        var rng = KeyedRandomStream(seed: seed, label: "screening")
        let reasons = self.protocol.outcomes.screeningExclusionReasons
        let weights = reasons.indices.map { Self.reasonWeights[min($0, Self.reasonWeights.count - 1)] }
        let totalWeight = weights.reduce(0, +)
        let start = self.protocol.calendar.startDate, end = self.protocol.calendar.endDate
        let order = Dictionary(self.protocol.sites.enumerated().map { ($0.element.id, $0.offset) }) { a, _ in a }
        let sorted = participants.sorted {
            (order[$0.siteID] ?? Int.max, $0.admissionDate, $0.id) < (order[$1.siteID] ?? Int.max, $1.admissionDate, $1.id)
        }
        var drafts: [(site: String, date: CivilDate, draw: Int, entry: ScreeningEntry)] = []
        func nearby(_ date: CivilDate) -> CivilDate {
            let shifted = date.adding(days: rng.uniform(below: 7) - 3)
            return min(max(shifted, start), end)
        }
        for participant in sorted {
            let site = participant.siteID
            drafts.append((site, participant.admissionDate, drafts.count, ScreeningEntry(
                id: "", siteID: site, screeningDate: participant.admissionDate, isEligible: true, consented: true,
                participantID: participant.id)))
            let ineligible = [0, 0, 1, 1, 2][rng.uniform(below: 5)]
            for _ in 0..<ineligible {
                var pick = rng.uniform(below: totalWeight), index = 0
                while pick >= weights[index] {
                    pick -= weights[index]
                    index += 1
                }
                let date = nearby(participant.admissionDate)
                drafts.append((site, date, drafts.count, ScreeningEntry(
                    id: "", siteID: site, screeningDate: date, isEligible: false, ineligibleReason: reasons[index].id)))
            }
            if rng.uniform(below: 4) == 0 {
                let date = nearby(participant.admissionDate)
                drafts.append((site, date, drafts.count, ScreeningEntry(
                    id: "", siteID: site, screeningDate: date, isEligible: true, consented: false)))
            }
        }
        drafts.sort { (order[$0.site] ?? Int.max, $0.date, $0.draw) < (order[$1.site] ?? Int.max, $1.date, $1.draw) }
        var numbers: [String: Int] = [:]
        return drafts.map { draft in
            var entry = draft.entry
            numbers[draft.site, default: 0] += 1
            let number = String(numbers[draft.site]!)
            entry.id = "scr-\(draft.site)-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
            return entry
        }
    }

    /// The log as a screening CSV (``ScreeningField/columns``), with a final newline.
    public static func csv(_ entries: [ScreeningEntry]) -> String {
        var lines = [CSVWriter.row(ScreeningField.columns)]
        for e in entries {
            lines.append(CSVWriter.row([e.id, e.siteID, e.screeningDate.iso, ScreeningField.text(e.isEligible),
                                        e.ineligibleReason ?? "", e.consented.map(ScreeningField.text) ?? "",
                                        e.participantID ?? ""]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
