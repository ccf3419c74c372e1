// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// The stepped-wedge design diagram: sites as rows (ordered by sequence), periods as columns, cells shaded by
/// condition, with period start dates and a legend.
public enum DesignDiagram {
    /// Fill colours by condition order: the control light grey, others in a colour-blind-safe palette.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"]

    /// The fill colour of a condition.
    public static func colour(of condition: Condition, in protocol: StudyProtocol) -> String {
        if condition.isControl { return "#D9D9D9" }
        let others = `protocol`.conditions.filter { !$0.isControl }
        return palette[(others.firstIndex(of: condition) ?? 0) % palette.count]
    }

    /// The diagram as SVG.
    public static func svg(_ schedule: Schedule) -> String {
        let proto = schedule.protocol
        let periods = proto.calendar.periodCount
        let rows = ScheduleTables.orderedAssignments(schedule)
        let left = 110.0, top = 56.0, cellW = max(44.0, min(90.0, 640.0 / Double(periods))), cellH = 24.0
        let width = Int(left + cellW * Double(periods) + 20)
        let height = Int(top + cellH * Double(rows.count) + 60)
        var svg = SVGDocument(width: width, height: height)
        svg.text("\(proto.study.id): randomized design", x: 10, y: 20, size: 14, weight: "bold")
        for p in 0..<periods {
            let x = left + cellW * (Double(p) + 0.5)
            svg.text("P\(p + 1)", x: x, y: top - 22, size: 11, anchor: "middle", weight: "bold")
            svg.text(proto.calendar.start(ofPeriod: p).iso, x: x, y: top - 8, size: 8, anchor: "middle")
        }
        for (r, assignment) in rows.enumerated() {
            let y = top + cellH * Double(r)
            svg.text(assignment.siteID, x: left - 8, y: y + cellH * 0.68, size: 11, anchor: "end")
            for (p, id) in proto.design.sequences[assignment.sequenceIndex].conditions.enumerated() {
                guard let condition = proto.condition(id: id) else { continue }
                svg.rect(x: left + cellW * Double(p), y: y, width: cellW, height: cellH,
                         fill: colour(of: condition, in: proto))
                svg.text(String(condition.code), x: left + cellW * (Double(p) + 0.5), y: y + cellH * 0.68, size: 11,
                         anchor: "middle", fill: condition.isControl ? "#222222" : "#ffffff")
            }
        }
        var x = left
        let legendY = top + cellH * Double(rows.count) + 24
        for condition in proto.conditions {
            svg.rect(x: x, y: legendY - 10, width: 12, height: 12, fill: colour(of: condition, in: proto))
            svg.text("\(condition.code) = \(condition.label)", x: x + 16, y: legendY, size: 11)
            x += 24 + Double(condition.label.count + 4) * 6.5
        }
        return svg.render(title: "Design diagram of \(proto.study.id), seed \(schedule.seed)")
    }
}
