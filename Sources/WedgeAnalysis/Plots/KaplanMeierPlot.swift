// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// Kaplan–Meier curves as an SVG step chart, with censoring ticks and a numbers-at-risk table underneath.
public enum KaplanMeierPlot {
    /// One curve to draw.
    public struct Curve: Sendable {
        /// The legend and at-risk row label.
        public var label: String
        /// The stroke colour (`#rrggbb`).
        public var colour: String
        /// The estimate.
        public var estimate: KaplanMeier

        /// Creates a curve.
        public init(label: String, colour: String, estimate: KaplanMeier) {
            self.label = label
            self.colour = colour
            self.estimate = estimate
        }
    }

    /// Draws `curves` from time 0 to `maxTime`, with x ticks (and at-risk counts) every `tickStep`.
    ///
    /// A curve with no observations is not drawn; its at-risk row shows 0 and the chart says so.
    /// - Parameters:
    ///   - curves: The curves, in legend order.
    ///   - title: The chart title.
    ///   - timeLabel: The x-axis title, such as "Days since first injection".
    ///   - valueLabel: The y-axis title, such as "Retained, %".
    ///   - maxTime: The right end of the time axis (positive).
    ///   - tickStep: The spacing of ticks and at-risk columns (positive).
    /// - Returns: The SVG text.
    public static func svg(_ curves: [Curve], title: String, timeLabel: String, valueLabel: String,
                           maxTime: Double, tickStep: Double) -> String {
        let maxTime = maxTime > 0 && maxTime.isFinite ? maxTime : 1
        let tickStep = tickStep > 0 && tickStep.isFinite ? tickStep : maxTime
        let ticks = stride(from: 0.0, through: maxTime + 1e-9, by: tickStep).map { $0 }
        let frame = PlotFrame(left: 150, top: 44, width: 460, height: 240)
        let tableTop = frame.bottom + 78
        let height = tableTop + 18 * Double(curves.count) + 24
        var svg = SVGDocument(width: Int(frame.right + 40), height: Int(height))
        svg.text(title, x: 10, y: 20, size: 14, weight: "bold")
        frame.drawPercentAxis(&svg, label: valueLabel)
        func x(_ t: Double) -> Double { frame.x(t / maxTime) }
        for t in ticks {
            svg.line(x1: x(t), y1: frame.bottom, x2: x(t), y2: frame.bottom + 4)
            svg.text(number(t), x: x(t), y: frame.bottom + 17, size: 11, anchor: "middle")
        }
        svg.text(timeLabel, x: frame.left + frame.width / 2, y: frame.bottom + 34, size: 12, anchor: "middle")
        var emptyLabels: [String] = []
        for curve in curves {
            let km = curve.estimate
            guard km.count > 0 else { emptyLabels.append(curve.label); continue }
            var points: [(Double, Double)] = [(x(0), frame.y(1))]
            var level = 1.0
            var ticksToDraw: [(Double, Double)] = []
            for i in km.times.indices where km.times[i] <= maxTime {
                let t = max(0, km.times[i])
                if km.events[i] > 0 {
                    points.append((x(t), frame.y(level)))
                    level = km.survival[i]
                    points.append((x(t), frame.y(level)))
                }
                if km.censored[i] > 0 { ticksToDraw.append((x(t), frame.y(level))) }
            }
            let end = min(maxTime, km.times.last ?? 0)
            points.append((x(max(0, end)), frame.y(level)))
            svg.polyline(points, stroke: curve.colour, width: 2)
            for (tx, ty) in ticksToDraw {
                svg.line(x1: tx, y1: ty - 4, x2: tx, y2: ty + 4, stroke: curve.colour, width: 1.5)
            }
        }
        PlotFrame.drawLegend(&svg, curves.map { ($0.label, $0.colour) }, x: frame.left, y: frame.bottom + 56)
        svg.text("Number at risk", x: 10, y: tableTop - 4, size: 12, weight: "bold")
        for (r, curve) in curves.enumerated() {
            let y = tableTop + 16 + 18 * Double(r)
            svg.text(curve.label, x: 10, y: y, size: 11, fill: curve.colour == "#D9D9D9" ? "#555555" : curve.colour)
            for t in ticks {
                svg.text("\(curve.estimate.numberAtRisk(at: t))", x: x(t), y: y, size: 11, anchor: "middle")
            }
        }
        if !emptyLabels.isEmpty {
            svg.text("No participants at risk: " + emptyLabels.joined(separator: ", ") + ".", x: frame.left,
                     y: frame.top + 16, size: 11, fill: "#555555")
        }
        return svg.render(title: title)
    }

    /// A tick label: an integer without decimals, otherwise one decimal.
    static func number(_ t: Double) -> String {
        t.rounded() == t ? String(Int(t)) : NumberFormat.fixed(t, 1)
    }
}
