// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// The power curve: analytic power against the cluster-period size, one line per ICC, with a dashed line at the
/// target power. Deterministic SVG through ``SVGDocument``.
public enum PowerCurve {
    /// Line colours, one per ICC (the colour-blind-safe palette of ``DesignDiagram``, then dark grey).
    static let palette = DesignDiagram.palette + ["#444444"]

    /// The curve as SVG text.
    /// - Parameters:
    ///   - design: The design (for the title).
    ///   - points: The grid, from ``DesignPower/grid(iccs:sizes:assumptions:)``.
    ///   - target: The power drawn as a dashed reference line (default 0.8).
    /// - Returns: An SVG document ending with a newline. NaN powers break the line.
    public static func svg(design: DesignPower, points: [PowerGridPoint], target: Double = 0.8) -> String {
        let iccs = PowerTables.unique(points.map(\.icc))
        let sizes = PowerTables.unique(points.map(\.clusterPeriodSize)).sorted()
        let left = 60.0, top = 40.0, plotW = 520.0, plotH = 300.0
        let legendH = 20.0 * Double(iccs.count)
        var svg = SVGDocument(width: Int(left + plotW + 150), height: Int(top + plotH + 60 + max(0, legendH - 260)))
        svg.text("\(design.studyID): analytic power by cluster-period size", x: 10, y: 22, size: 14, weight: "bold")
        let lo = Double(sizes.first ?? 0), hi = Double(sizes.last ?? 1)
        let span = hi > lo ? hi - lo : 1
        func x(_ m: Int) -> Double { left + (Double(m) - lo) / span * plotW }
        func y(_ p: Double) -> Double { top + (1 - p) * plotH }
        // Grid, then axes over it, then ticks.
        for k in 0...5 {
            let p = Double(k) / 5
            svg.line(x1: left, y1: y(p), x2: left + plotW, y2: y(p), stroke: "#e0e0e0")
            svg.text(NumberFormat.fixed(p, 1), x: left - 6, y: y(p) + 4, size: 10, anchor: "end")
        }
        svg.line(x1: left, y1: top, x2: left, y2: top + plotH)
        svg.line(x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH)
        for m in tickValues(sizes) {
            svg.line(x1: x(m), y1: top + plotH, x2: x(m), y2: top + plotH + 4)
            svg.text("\(m)", x: x(m), y: top + plotH + 16, size: 10, anchor: "middle")
        }
        svg.text("participants per cluster-period (m)", x: left + plotW / 2, y: top + plotH + 36, size: 11,
                 anchor: "middle")
        svg.text("power", x: left - 6, y: top - 10, size: 11, anchor: "end")
        if target > 0, target < 1 {
            svg.line(x1: left, y1: y(target), x2: left + plotW, y2: y(target), stroke: "#B22222", dash: "6,4")
            svg.text("target \(NumberFormat.fixed(target, 2))", x: left + plotW - 4, y: y(target) - 5, size: 10,
                     anchor: "end", fill: "#B22222")
        }
        for (k, icc) in iccs.enumerated() {
            let colour = palette[k % palette.count]
            var segment: [(Double, Double)] = []
            func flush() {
                if segment.count > 1 { svg.polyline(segment, stroke: colour) }
                segment = []
            }
            for m in sizes {
                guard let p = points.first(where: { $0.icc == icc && $0.clusterPeriodSize == m })?.result.power,
                    p.isFinite
                else {
                    flush()
                    continue
                }
                segment.append((x(m), y(p)))
                svg.circle(cx: x(m), cy: y(p), r: 2.5, fill: colour)
            }
            flush()
            let legendY = top + 10 + 20 * Double(k)
            svg.line(x1: left + plotW + 16, y1: legendY - 4, x2: left + plotW + 40, y2: legendY - 4, stroke: colour,
                     width: 2)
            svg.text("ICC \(PowerSummary.trimmed(icc))", x: left + plotW + 46, y: legendY, size: 11)
        }
        return svg.render(title: "Analytic power of \(design.studyID) by cluster-period size and ICC")
    }

    /// At most about eight tick values from the sorted sizes.
    static func tickValues(_ sizes: [Int]) -> [Int] {
        guard sizes.count > 8 else { return sizes }
        let step = Int((Double(sizes.count) / 8).rounded(.up))
        var ticks = stride(from: 0, to: sizes.count, by: step).map { sizes[$0] }
        if ticks.last != sizes.last { ticks.append(sizes.last!) }
        return ticks
    }
}
