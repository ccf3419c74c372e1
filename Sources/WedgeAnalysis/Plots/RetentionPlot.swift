// SPDX-License-Identifier: Apache-2.0

public import WedgeCore
internal import WedgeStats

/// The Kaplan–Meier chart of retention by condition, from ``RetentionAnalysis``'s curves.
public enum RetentionPlot {
    /// Retention (days from induction start to dropout, among initiators) by condition over the protocol's
    /// follow-up, with censoring ticks and numbers at risk.
    /// - Parameters:
    ///   - retention: The secondary analyses; its ``RetentionAnalysis/survival`` curves are drawn.
    ///   - protocol: The protocol, for the follow-up and the condition colours.
    public static func svg(_ retention: RetentionAnalysis, protocol proto: StudyProtocol) -> String {
        let followUp = Double(max(1, proto.outcomes.retentionFollowUpDays))
        let step = followUp <= 30 ? 5.0 : followUp <= 90 ? 10.0 : 30.0
        let curves = proto.conditions.map { condition in
            let survival = retention.survival.first { $0.id == condition.id }
            return KaplanMeierPlot.Curve(
                label: condition.label, colour: PlotFrame.colour(of: condition, in: proto),
                estimate: survival?.curve ?? KaplanMeier(time: [], event: []))
        }
        return KaplanMeierPlot.svg(curves, title: "Retention among initiators", timeLabel: "Days since induction start",
                                   valueLabel: "Retained, %", maxTime: followUp, tickStep: step)
    }
}
