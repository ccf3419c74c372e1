// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore
public import WedgeStats

/// Retention after the first injection: Kaplan–Meier estimates by condition, as a table and a chart.
public enum RetentionTable {
    /// Retention by condition: initiators, dropouts, retained at 30 and 60 days (Kaplan–Meier, log-scale
    /// Greenwood 95% interval) and the median days retained.
    /// - Parameters:
    ///   - data: The report data.
    ///   - curves: One Kaplan–Meier estimate per condition, in protocol order.
    public static func table(_ data: ReportData, curves: [KaplanMeier]) -> ReportTable {
        let followUp = data.protocol.outcomes.retentionFollowUpDays
        let days = [30, 60].filter { $0 <= followUp }
        let rows = zip(data.conditions, curves).map { condition, km -> [String] in
            var cells = [condition.label, "\(km.count)", "\(km.events.reduce(0, +))"]
            for d in days {
                guard km.count > 0 else { cells.append("–"); continue }
                let point = km.summary(at: [Double(d)], extend: true).first
                cells.append(point.map { p in
                    NumberFormat.percent(p.survival) + " (" + percentInterval(p.lower, p.upper) + ")"
                } ?? "–")
            }
            let median = km.median
            cells.append(km.count == 0 ? "–" : median.estimate.isNaN ? "not reached" : NumberFormat.fixed(median.estimate, 0))
            return cells
        }
        return ReportTable(
            id: "retention", title: "Retention after the first injection",
            columns: ["Condition", "Initiators", "Dropouts"] + days.map { "Retained at \($0) days, % (95% CI)" }
                + ["Median days retained"],
            rows: rows,
            notes: ["Initiators in the primary analysis set, from the first injection to dropout; censored "
                    + "\(followUp) days after induction start or at the last observation. Kaplan–Meier estimate "
                    + "with Greenwood log-scale interval; \"not reached\" when fewer than half dropped out."])
    }

    /// The Kaplan–Meier chart of retention by condition, over the protocol's follow-up, with numbers at risk.
    public static func plot(_ data: ReportData, curves: [KaplanMeier]) -> String {
        let proto = data.protocol
        let followUp = Double(max(1, proto.outcomes.retentionFollowUpDays))
        let step = followUp <= 30 ? 5.0 : followUp <= 90 ? 10.0 : 30.0
        let drawn = zip(proto.conditions, curves).map { condition, km in
            KaplanMeierPlot.Curve(label: condition.label, colour: PlotFrame.colour(of: condition, in: proto), estimate: km)
        }
        return KaplanMeierPlot.svg(drawn, title: "Retention after the first injection", timeLabel: "Days since the first injection",
                                   valueLabel: "Retained, %", maxTime: followUp, tickStep: step)
    }

    /// A percentage interval, or "–" when either limit is undefined.
    static func percentInterval(_ lower: Double, _ upper: Double) -> String {
        lower.isNaN || upper.isNaN ? "–" : NumberFormat.percentInterval(lower, upper)
    }
}
