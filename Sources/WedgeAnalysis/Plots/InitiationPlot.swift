// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore
internal import WedgeStats

/// Charts of initiation: by period and condition, and by site and condition, each proportion drawn as a point
/// with its Wilson 95% interval. Empty cells are left out of the chart and named in a note under it.
public enum InitiationPlot {
    /// Initiation (%) by period, one point per condition in each period, with 95% intervals.
    public static func byPeriod(_ data: ReportData) -> String {
        let proto = data.protocol
        let cells = InitiationTables.periodCells(data)
        let periods = proto.calendar.periodCount
        let conditions = proto.conditions
        let frame = PlotFrame(left: 64, top: 44, width: max(300, min(640, 110 * Double(periods))), height: 240)
        var svg = SVGDocument(width: Int(frame.right + 24), height: Int(frame.bottom + 84))
        svg.text("Initiation by period and condition", x: 10, y: 20, size: 14, weight: "bold")
        frame.drawPercentAxis(&svg, label: "Initiated, % (95% CI)")
        let band = frame.width / Double(max(1, periods))
        let step = band / Double(conditions.count + 1)
        var empty: [String] = []
        for p in 0..<periods {
            let centre = frame.left + band * (Double(p) + 0.5)
            svg.text("P\(p + 1)", x: centre, y: frame.bottom + 18, size: 12, anchor: "middle", weight: "bold")
            svg.text(proto.calendar.start(ofPeriod: p).iso, x: centre, y: frame.bottom + 32, size: 10, anchor: "middle")
            for (c, condition) in conditions.enumerated() {
                let cell = cells[p * conditions.count + c]
                guard let interval = cell.interval else {
                    if proto.design.sequences.contains(where: { $0.conditions[p] == condition.id }) {
                        empty.append("P\(p + 1) \(condition.code)")
                    }
                    continue
                }
                let x = frame.left + band * Double(p) + step * Double(c + 1)
                drawPoint(&svg, x: x, frame: frame, interval: interval, colour: PlotFrame.colour(of: condition, in: proto))
            }
        }
        PlotFrame.drawLegend(&svg, conditions.map { ($0.label, PlotFrame.colour(of: $0, in: proto)) },
                             x: frame.left, y: frame.bottom + 58)
        if !empty.isEmpty {
            svg.text("No participants: " + empty.joined(separator: ", ") + ".", x: frame.left, y: frame.bottom + 76,
                     size: 11, fill: "#555555")
        }
        return svg.render(title: "Initiation by period and condition, \(proto.study.id)")
    }

    /// Initiation (%) by site and condition: one row per site and scheduled condition, with 95% intervals and
    /// the count `x/n` at the right.
    public static func bySite(_ data: ReportData) -> String {
        let proto = data.protocol
        let cells = InitiationTables.siteCells(data)
        let rowHeight = 20.0
        let frame = PlotFrame(left: 190, top: 40, width: 380, height: rowHeight * Double(max(1, cells.count)))
        var svg = SVGDocument(width: Int(frame.right + 90), height: Int(frame.bottom + 72))
        svg.text("Initiation by site and condition", x: 10, y: 20, size: 14, weight: "bold")
        frame.drawHorizontalPercentAxis(&svg, label: "Initiated, % (95% CI)")
        svg.text("x/n", x: frame.right + 12, y: frame.top - 6, size: 11, weight: "bold")
        var previousSite = ""
        for (r, cell) in cells.enumerated() {
            let y = frame.top + rowHeight * (Double(r) + 0.5)
            let condition = proto.condition(id: cell.conditionID)
            let colour = condition.map { PlotFrame.colour(of: $0, in: proto) } ?? "#000000"
            if cell.group != previousSite {
                svg.text(cell.group, x: 10, y: y + 4, size: 12, weight: "bold")
                previousSite = cell.group
                if r > 0 { svg.line(x1: 10, y1: y - rowHeight / 2, x2: frame.right, y2: y - rowHeight / 2, stroke: "#eeeeee") }
            }
            svg.text(condition?.label ?? cell.conditionID, x: frame.left - 8, y: y + 4, size: 11, anchor: "end")
            svg.text(cell.total > 0 ? "\(cell.initiated)/\(cell.total)" : "–", x: frame.right + 12, y: y + 4, size: 11)
            guard let interval = cell.interval else { continue }
            svg.line(x1: frame.x(interval.lower), y1: y, x2: frame.x(interval.upper), y2: y, stroke: colour, width: 2)
            svg.circle(cx: frame.x(interval.estimate), cy: y, r: 4, fill: colour)
        }
        PlotFrame.drawLegend(&svg, proto.conditions.map { ($0.label, PlotFrame.colour(of: $0, in: proto)) },
                             x: frame.left, y: frame.bottom + 60)
        return svg.render(title: "Initiation by site and condition, \(proto.study.id)")
    }

    static func drawPoint(_ svg: inout SVGDocument, x: Double, frame: PlotFrame, interval: IntervalEstimate, colour: String) {
        let lo = frame.y(interval.lower), hi = frame.y(interval.upper)
        svg.line(x1: x, y1: lo, x2: x, y2: hi, stroke: colour, width: 2)
        svg.line(x1: x - 4, y1: lo, x2: x + 4, y2: lo, stroke: colour, width: 2)
        svg.line(x1: x - 4, y1: hi, x2: x + 4, y2: hi, stroke: colour, width: 2)
        svg.circle(cx: x, cy: frame.y(interval.estimate), r: 4.5, fill: colour)
    }
}
