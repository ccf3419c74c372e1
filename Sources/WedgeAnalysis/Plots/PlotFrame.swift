// SPDX-License-Identifier: Apache-2.0

import WedgeCore

/// The shared geometry and styling of Wedge's charts: a plotting rectangle, a percentage axis, condition
/// colours that stay visible as lines and points, and a legend.
struct PlotFrame {
    /// The left edge of the plotting area.
    var left: Double
    /// The top edge of the plotting area.
    var top: Double
    /// The plotting area's width.
    var width: Double
    /// The plotting area's height.
    var height: Double

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// The y coordinate of a value in `[0, 1]` on a vertical axis.
    func y(_ value: Double) -> Double { bottom - height * min(1, max(0, value)) }

    /// The x coordinate of a value in `[0, 1]` on a horizontal axis.
    func x(_ value: Double) -> Double { left + width * min(1, max(0, value)) }

    /// Draws a vertical 0–100% axis with gridlines every 20 points and a rotated label.
    func drawPercentAxis(_ svg: inout SVGDocument, label: String) {
        for k in 0...5 {
            let v = Double(k) / 5, yy = y(v)
            svg.line(x1: left, y1: yy, x2: right, y2: yy, stroke: k == 0 ? "#444444" : "#dddddd")
            svg.text("\(k * 20)", x: left - 6, y: yy + 4, size: 11, anchor: "end")
        }
        svg.rotatedText(label, x: left - 36, y: top + height / 2, size: 12)
    }

    /// Draws a horizontal 0–100% axis (below the area) with gridlines every 20 points and a label.
    func drawHorizontalPercentAxis(_ svg: inout SVGDocument, label: String) {
        for k in 0...5 {
            let v = Double(k) / 5, xx = x(v)
            svg.line(x1: xx, y1: top, x2: xx, y2: bottom, stroke: k == 0 ? "#444444" : "#dddddd")
            svg.text("\(k * 20)", x: xx, y: bottom + 16, size: 11, anchor: "middle")
        }
        svg.text(label, x: left + width / 2, y: bottom + 34, size: 12, anchor: "middle")
    }

    /// The line and point colour of a condition: the control dark grey, the others the design diagram's
    /// colour-blind-safe palette.
    static func colour(of condition: Condition, in proto: StudyProtocol) -> String {
        condition.isControl ? "#555555" : DesignDiagram.colour(of: condition, in: proto)
    }

    /// Draws a horizontal legend of coloured keys starting at `(x, y)`.
    static func drawLegend(_ svg: inout SVGDocument, _ entries: [(String, String)], x: Double, y: Double) {
        var cursor = x
        for (label, colour) in entries {
            svg.rect(x: cursor, y: y - 10, width: 12, height: 12, fill: colour, stroke: colour)
            svg.text(label, x: cursor + 17, y: y, size: 12)
            cursor += 34 + Double(label.count) * 6.6
        }
    }
}
