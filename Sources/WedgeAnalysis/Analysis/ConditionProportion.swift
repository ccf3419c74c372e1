// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// A binary outcome in one condition: events, total, the Wilson score interval and the Clopper–Pearson
/// (exact) interval.
public struct ConditionProportion: Sendable, Equatable {
    /// The condition id.
    public var id: String
    /// The condition label.
    public var label: String
    /// Participants with the outcome.
    public var events: Int
    /// Participants in the denominator.
    public var total: Int
    /// `events / total` with the Wilson interval (Wilson 1927, *JASA* 22:209); NaN estimate when `total` is 0.
    public var interval: IntervalEstimate
    /// `events / total` with the Clopper–Pearson interval (Clopper & Pearson 1934, *Biometrika* 26:404), R's
    /// `binom.test(events, total)$conf.int`; NaN when `total` is 0.
    public var exactInterval: IntervalEstimate

    /// Counts `outcome` over `participants` whose treatment flag is `treated`; `nil` outcomes are left out.
    init(id: String, label: String, treated: Bool, _ participants: [AnalysisParticipant],
         outcome: (AnalysisParticipant) -> Bool?) {
        var events = 0
        var total = 0
        for p in participants where p.treated == treated {
            guard let y = outcome(p) else { continue }
            total += 1
            if y { events += 1 }
        }
        self.id = id
        self.label = label
        self.events = events
        self.total = total
        interval = ProportionInterval.wilson(successes: events, trials: total)
        exactInterval = ProportionInterval.clopperPearson(successes: events, trials: total)
    }
}
