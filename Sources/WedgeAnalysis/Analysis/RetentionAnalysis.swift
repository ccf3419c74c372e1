// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// The secondary outcomes: second and third injections, days from admission to the first injection, and
/// retention (days from induction start to dropout among initiators, censored at the end of follow-up or last
/// contact; see `docs/export-format.md`).
///
/// Retention uses the Kaplan–Meier estimator with Greenwood intervals (Kaplan & Meier 1958; Greenwood
/// 1926), the log-rank test (Mantel 1966), and a Cox model with Efron ties (Cox 1972; Efron 1977) of
/// condition and period with a cluster-robust SE by site (Lin & Wei 1989). Participants with an unknown
/// value (a blank cell) are left out of that analysis only.
public struct RetentionAnalysis: Sendable {
    /// The days at which the Kaplan–Meier estimates are reported.
    public static let reportDays: [Double] = [30, 60]

    /// Second injection, both denominators.
    public var secondInjection: InjectionOutcome
    /// Third injection, both denominators.
    public var thirdInjection: InjectionOutcome
    /// Days to the first injection, control then intervention.
    public var daysToFirstInjection: [TimeSummary]
    /// Retention curves, control then intervention; empty when no retention times are known.
    public var survival: [SurvivalByCondition]
    /// The log-rank test, or `nil` when a condition has no retention times.
    public var logRank: LogRankTest?
    /// The Cox model, or `nil` when it cannot be fitted.
    public var cox: CoxSummary?
    /// Explanations of skipped analyses.
    public var notes: [String]

    /// Runs the secondary analyses.
    public static func run(_ data: AnalysisDataset) -> RetentionAnalysis {
        let people = data.participants
        let arms = [(data.control, false), (data.intervention, true)]
        func rates(_ name: String, _ outcome: @escaping (AnalysisParticipant) -> Bool?) -> InjectionOutcome {
            InjectionOutcome(
                name: name,
                amongAll: arms.map { ConditionProportion(id: $0.0.id, label: $0.0.label, treated: $0.1, people, outcome: outcome) },
                amongInitiators: arms.map { arm in
                    ConditionProportion(id: arm.0.id, label: arm.0.label, treated: arm.1, people) {
                        $0.initiated ? outcome($0) : nil
                    }
                })
        }
        var notes: [String] = []
        for column in ["second_injection", "third_injection", "days_to_first_injection", "retention_days"]
        where data.missingColumns.contains(column) {
            notes.append("Column \(column) is absent: its analyses are skipped.")
        }
        let days = arms.map { arm in
            TimeSummary(id: arm.0.id, label: arm.0.label,
                        days: people.filter { $0.treated == arm.1 }.compactMap(\.daysToFirstInjection))
        }
        var result = RetentionAnalysis(
            secondInjection: rates("Second injection") { $0.secondInjection },
            thirdInjection: rates("Third injection") { $0.thirdInjection },
            daysToFirstInjection: days, survival: [], notes: notes)
        result.fitSurvival(data)
        return result
    }

    private mutating func fitSurvival(_ data: AnalysisDataset) {
        let known = data.participants.filter { $0.retentionDays != nil && $0.retentionEvent != nil }
        guard !known.isEmpty else {
            if !data.missingColumns.contains("retention_days") { notes.append("No retention times are known yet.") }
            return
        }
        let time = known.map { Double($0.retentionDays!) }
        let event = known.map { $0.retentionEvent! }
        for (arm, treated) in [(data.control, false), (data.intervention, true)] {
            let rows = known.indices.filter { known[$0].treated == treated }
            let curve = KaplanMeier(time: rows.map { time[$0] }, event: rows.map { event[$0] })
            survival.append(SurvivalByCondition(
                id: arm.id, label: arm.label, curve: curve, points: curve.summary(at: Self.reportDays),
                median: curve.median))
        }
        guard survival.allSatisfy({ $0.curve.count > 0 }) else {
            notes.append("No retention comparison: a condition has no initiators with retention times.")
            return
        }
        logRank = LogRankTest(time: time, event: event, group: known.map { $0.treated ? 1 : 0 })
        guard event.contains(true) else {
            notes.append("No Cox model: no dropouts were observed.")
            return
        }
        let periods = Array(Set(known.map(\.period))).sorted().dropFirst()
        let column = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0 + 1) })
        var x = Matrix(rows: known.count, columns: 1 + periods.count)
        for (i, p) in known.enumerated() {
            x[i, 0] = p.treated ? 1 : 0
            if let j = column[p.period] { x[i, j] = 1 }
        }
        let model = CoxModel(time: time, event: event, covariates: x, cluster: known.map(\.site))
        guard let coefficient = model.coefficientTable().first else { return }
        cox = CoxSummary(condition: coefficient, count: model.count, events: model.eventCount,
                         converged: model.isConverged)
        if !model.isConverged { notes.append("The Cox model did not converge.") }
    }
}
