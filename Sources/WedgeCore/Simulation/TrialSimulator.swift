// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeStats

/// Generates a synthetic stepped-wedge trial from a protocol, a seed and ``SimulationParameters``.
///
/// The schedule is ``Randomizer/randomize(_:seed:)`` with the same seed, so a simulated data set and a study
/// database created with that seed agree on every assignment. Every other draw comes, in a fixed order, from
/// one ``KeyedRandomStream`` labelled `"simulate"`; the same protocol, parameters and seed therefore give the
/// same participants, byte for byte. The model, step by step, is in `docs/simulation.md`:
///
/// 1. Site effects `u_s ~ N(0, siteSD²)`, then site-level covariate shifts, for each site in protocol order.
/// 2. For each site, each day of the study window: `Poisson(enrollment_s / days)` admissions.
/// 3. For each participant: baseline covariates; the condition from the schedule on the admission date;
///    initiation with `logit P = logit(p_condition) + u_s + periodEffect·period`; then injection dates,
///    discharge, dropout and last contact.
public struct TrialSimulator: Sendable {
    /// The schedule the participants are enrolled under.
    public let schedule: Schedule
    /// The assumptions.
    public let parameters: SimulationParameters

    /// Creates a simulator for a protocol, seed and parameters.
    public init(protocol: StudyProtocol, seed: String, parameters: SimulationParameters) {
        self.schedule = Randomizer.randomize(`protocol`, seed: seed)
        self.parameters = parameters
    }

    /// Simulates every participant, in site order and then admission order.
    public func run() -> [ParticipantRecord] {
        let proto = schedule.protocol
        var rng = KeyedRandomStream(seed: schedule.seed, label: "simulate")
        let siteEffects = proto.sites.map { _ in Sampling.normal(mean: 0, standardDeviation: parameters.siteSD, using: &rng) }
        let covariateShifts = proto.sites.map { _ in proto.baseline.map { siteShift(for: $0, using: &rng) } }
        let days = proto.calendar.startDate.days(to: proto.calendar.endDate) + 1
        var records: [ParticipantRecord] = []
        for (s, site) in proto.sites.enumerated() {
            let dailyRate = (parameters.enrollment[site.id] ?? 0) / Double(days)
            var count = 0
            for day in 0..<days {
                let admitted = Sampling.poisson(mean: dailyRate, using: &rng)
                for _ in 0..<admitted {
                    count += 1
                    let admission = proto.calendar.startDate.adding(days: day)
                    let id = site.id + "-" + String(format: "%03d", count)
                    let baseline = drawBaseline(shifts: covariateShifts[s], using: &rng)
                    let cell = schedule.cell(siteID: site.id, on: admission)!
                    let outcome = drawOutcome(admission: admission, cell: cell, siteEffect: siteEffects[s], using: &rng)
                    records.append(ParticipantRecord(id: id, siteID: site.id, admissionDate: admission,
                                                     baseline: baseline, outcome: outcome))
                }
            }
        }
        return records
    }

    /// The site-level parameters of one covariate: a shifted mean, log-odds, or level weights.
    private func siteShift(for covariate: BaselineCovariate, using rng: inout KeyedRandomStream) -> [Double] {
        switch parameters.covariates[covariate.id] {
        case .number(let mean, _, let siteSD, _)?:
            return [Sampling.normal(mean: mean, standardDeviation: siteSD, using: &rng)]
        case .proportion(let p, let siteSD)?:
            return [logit(p) + siteSD * Sampling.standardNormal(using: &rng)]
        case .categorical(let weights, let siteSD)?:
            let shifted = weights.map { $0 * exp(siteSD * Sampling.standardNormal(using: &rng)) }
            let total = shifted.reduce(0, +)
            return shifted.map { total > 0 ? $0 / total : 1 / Double(shifted.count) }
        case nil:
            return []
        }
    }

    private func drawBaseline(shifts: [[Double]], using rng: inout KeyedRandomStream) -> [String: String] {
        var values: [String: String] = [:]
        for (k, covariate) in schedule.protocol.baseline.enumerated() {
            switch (covariate.kind, parameters.covariates[covariate.id]) {
            case (.number(let lo, let hi), .number(_, let sd, _, let decimals)?):
                var x = Sampling.normal(mean: shifts[k][0], standardDeviation: sd, using: &rng)
                if let lo { x = max(lo, x) }
                if let hi { x = min(hi, x) }
                values[covariate.id] = String(format: "%.\(decimals)f", x)
            case (.boolean, .proportion?):
                values[covariate.id] = Sampling.bernoulli(expit(shifts[k][0]), using: &rng) ? "yes" : "no"
            case (.categorical(let levels), .categorical?):
                let u = Sampling.uniform(using: &rng)
                var cumulative = 0.0
                var chosen = levels.count - 1
                for (j, p) in shifts[k].enumerated() {
                    cumulative += p
                    if u < cumulative {
                        chosen = j
                        break
                    }
                }
                values[covariate.id] = levels[chosen]
            default:
                continue
            }
        }
        return values
    }

    private func drawOutcome(
        admission: CivilDate, cell: ScheduledCell, siteEffect: Double, using rng: inout KeyedRandomStream
    ) -> InductionOutcome {
        let proto = schedule.protocol
        let assigned = cell.conditionID
        var received = assigned
        if Sampling.bernoulli(parameters.deviation, using: &rng) {
            let others = proto.conditions.map(\.id).filter { $0 != assigned }
            received = others[Sampling.integer(in: 0...(others.count - 1), using: &rng)]
        }
        var o = InductionOutcome(procedureReceived: received)
        o.inductionStartDate = admission.adding(days: Sampling.integer(in: 0...1, using: &rng))
        let p = parameters.initiation[received] ?? 0
        let eta = logit(p) + siteEffect + parameters.periodEffect * Double(cell.period)
        let window = parameters.daysToFirstInjection[received] ?? 7...7
        guard Sampling.bernoulli(expit(eta), using: &rng) else {
            let reasons = proto.outcomes.nonInitiationReasons
            o.notInitiatedReason = reasons[Sampling.integer(in: 0...(reasons.count - 1), using: &rng)].id
            o.dischargeDate = admission.adding(days: Sampling.integer(in: 1...max(1, window.upperBound), using: &rng))
            o.lastContactDate = o.dischargeDate
            return o
        }
        let first = max(o.inductionStartDate!, admission.adding(days: Sampling.integer(in: window, using: &rng)))
        o.firstInjectionDate = first
        o.dischargeDate = first.adding(days: Sampling.integer(in: 0...2, using: &rng))
        var last = first
        if Sampling.bernoulli(parameters.secondInjection[received] ?? 0, using: &rng) {
            last = last.adding(days: Sampling.integer(in: parameters.daysBetweenInjections, using: &rng))
            o.secondInjectionDate = last
            if Sampling.bernoulli(parameters.thirdInjection[received] ?? 0, using: &rng) {
                last = last.adding(days: Sampling.integer(in: parameters.daysBetweenInjections, using: &rng))
                o.thirdInjectionDate = last
            }
        }
        let followUpEnd = o.inductionStartDate!.adding(days: proto.outcomes.retentionFollowUpDays)
        let survival = Sampling.exponential(rate: max(parameters.dropoutHazard, 1e-12), using: &rng)
        let dropoutDay = last.adding(days: Int(min(survival, 1e6).rounded(.up)))
        if dropoutDay <= followUpEnd, last < followUpEnd {
            o.dropoutDate = dropoutDay
            o.lastContactDate = dropoutDay
        } else {
            o.lastContactDate = max(followUpEnd, last)
        }
        return o
    }

    private func logit(_ p: Double) -> Double {
        let q = min(max(p, 1e-12), 1 - 1e-12)
        return log(q / (1 - q))
    }

    private func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
