// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore

/// Adverse and serious adverse events by condition.
public enum SafetyTable {
    /// Participants with any adverse event, events in total, participants with a serious adverse event, and
    /// serious events in total, by assigned condition and overall; percentages are of all enrolled.
    public static func table(_ data: ReportData) -> ReportTable {
        let conditionOf = Dictionary(data.rows.map { ($0.participantID, $0.condition) },
                                     uniquingKeysWith: { first, _ in first })
        let conditions = data.conditions
        let index = data.conditionIndex
        let groupSizes = data.groupSizes + [data.rows.count]
        var events = Array(repeating: 0, count: conditions.count + 1)
        var serious = events
        var withEvent = Array(repeating: Set<String>(), count: conditions.count + 1)
        var withSerious = withEvent
        for event in data.snapshot.adverseEvents {
            guard let id = conditionOf[event.participantID], let c = index[id] else { continue }
            for g in [c, conditions.count] {
                events[g] += 1
                withEvent[g].insert(event.participantID)
                if event.isSerious {
                    serious[g] += 1
                    withSerious[g].insert(event.participantID)
                }
            }
        }
        let g = groupSizes.indices
        let rows = [
            ["Participants with an adverse event, n (%)"] + g.map { NumberFormat.countPercent(withEvent[$0].count, of: groupSizes[$0]) },
            ["Adverse events, total"] + g.map { "\(events[$0])" },
            ["Participants with a serious adverse event, n (%)"]
                + g.map { NumberFormat.countPercent(withSerious[$0].count, of: groupSizes[$0]) },
            ["Serious adverse events, total"] + g.map { "\(serious[$0])" },
        ]
        var notes = ["All enrolled participants by assigned condition; events as recorded with `wedge ae`."]
        if data.snapshot.adverseEvents.isEmpty { notes.append("No adverse events were recorded.") }
        return ReportTable(
            id: "safety", title: "Adverse events by condition",
            columns: ["Events"] + conditions.enumerated().map { ReportData.header($0.element.label, groupSizes[$0.offset]) }
                + [ReportData.header("Overall", data.rows.count)],
            rows: rows, notes: notes)
    }
}
