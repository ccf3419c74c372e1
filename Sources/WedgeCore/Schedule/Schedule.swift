// SPDX-License-Identifier: Apache-2.0

/// A randomized allocation of sites to sequences, plus the study calendar: which condition every site runs on
/// every date.
///
/// Make one with ``Randomizer/randomize(_:seed:)``. The schedule records the seed and the algorithm that
/// produced it, so that anyone can re-derive it (see `docs/randomization.md`).
public struct Schedule: Sendable, Equatable {
    /// The protocol the schedule was drawn for.
    public var `protocol`: StudyProtocol
    /// The seed, exactly as given or drawn.
    public var seed: String
    /// The name and version of the algorithm that drew the allocation.
    public var algorithm: String
    /// One assignment per site, in the protocol's site order.
    public var assignments: [SiteAssignment]
    /// For constrained randomization, the allocations it could have produced; `nil` for simple randomization,
    /// where every allocation is admissible.
    public var admissibleSet: AdmissibleSet?

    /// Creates a schedule from an allocation. The caller guarantees one assignment per protocol site.
    public init(
        protocol: StudyProtocol, seed: String, algorithm: String, assignments: [SiteAssignment],
        admissibleSet: AdmissibleSet? = nil
    ) {
        self.protocol = `protocol`
        self.seed = seed
        self.algorithm = algorithm
        self.assignments = assignments
        self.admissibleSet = admissibleSet
    }

    /// The allocation: the sequence index of each site, in protocol site order.
    public var allocation: [Int] { assignments.map(\.sequenceIndex) }

    /// The sequence index of `siteID`, or `nil` for an unknown site.
    public func sequenceIndex(of siteID: String) -> Int? {
        assignments.first { $0.siteID == siteID }?.sequenceIndex
    }

    /// The conditions `siteID` runs, one per period, or `nil` for an unknown site.
    public func conditions(of siteID: String) -> [String]? {
        sequenceIndex(of: siteID).map { `protocol`.design.sequences[$0].conditions }
    }

    /// What `siteID` runs on `date`, or `nil` when the site is unknown or the date is outside the study window.
    public func cell(siteID: String, on date: CivilDate) -> ScheduledCell? {
        guard let row = conditions(of: siteID), let period = `protocol`.calendar.period(containing: date) else {
            return nil
        }
        let inTransition = crossovers(of: siteID).contains { crossover in
            guard let end = crossover.transitionEnd else { return false }
            return date >= crossover.date && date <= end
        }
        return ScheduledCell(conditionID: row[period], period: period, isTransition: inTransition)
    }

    /// The dated crossovers of `siteID`, in time order. A change at the start of period 1 is not a crossover.
    public func crossovers(of siteID: String) -> [Crossover] {
        guard let row = conditions(of: siteID) else { return [] }
        let calendar = `protocol`.calendar
        let weeks = `protocol`.transition.weeks
        return row.indices.dropFirst().compactMap { p in
            guard row[p] != row[p - 1] else { return nil }
            let date = calendar.start(ofPeriod: p)
            return Crossover(
                siteID: siteID, period: p, fromConditionID: row[p - 1], toConditionID: row[p], date: date,
                noticeDate: date.adding(weeks: -`protocol`.noticeWeeks),
                transitionEnd: weeks > 0 ? date.adding(days: 7 * weeks - 1) : nil)
        }
    }

    /// Every crossover in the study, by date and then by site order.
    public var allCrossovers: [Crossover] {
        assignments.flatMap { crossovers(of: $0.siteID) }.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }
}
