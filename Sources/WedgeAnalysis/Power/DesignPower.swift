// SPDX-License-Identifier: Apache-2.0

public import WedgeCore
public import WedgeStats

/// A protocol's design as the cluster × period matrices that power calculations need.
///
/// Each sequence of the design contributes one row per site it holds (its multiplicity), in design order; the
/// assignment of sites to rows does not matter when every site has the same cluster-period size, which is the
/// case the analytic formula and the simulation assume. ``treatment`` is 1 where the row runs a non-control
/// condition and 0 under the control condition.
///
/// **Transition weeks.** When the protocol excludes transition admissions from the primary analysis
/// (`[transition] include_in_primary = false`), the cell of the period in which a row crosses over keeps only the
/// weeks after the transition: ``analysedFraction`` is `(W − w)/W` there (period length `W` weeks, transition
/// `w` weeks) and 1 elsewhere, and the cell size is `round(m·(W − w)/W)`. With `include_in_primary = true`
/// every cell keeps `m`.
///
/// ```swift
/// let design = try DesignPower(protocol: loaded.protocol)
/// let result = design.analyticPower(PowerAssumptions(
///     controlProportion: 0.36, interventionProportion: 0.63, icc: 0.05, clusterPeriodSize: 14))
/// ```
public struct DesignPower: Sendable, Equatable {
    /// The study id of the protocol.
    public var studyID: String
    /// The design family.
    public var kind: DesignKind
    /// The intervention indicator `X[row][period]` (1 = a non-control condition).
    public var treatment: [[Double]]
    /// The share of each cell's participants that the primary analysis keeps (see the transition rule above).
    public var analysedFraction: [[Double]]
    /// The condition codes of each row, such as `"SSRRR"`.
    public var rowCodes: [String]
    /// The 0-based design sequence of each row.
    public var rowSequences: [Int]

    /// Maps `protocol`'s design.
    /// - Parameter protocol: A validated protocol.
    /// - Throws: ``DesignPowerError`` when the design's sequences use more than one non-control condition (power
    ///   compares one intervention with the control) or have no treatment contrast at all.
    public init(protocol proto: StudyProtocol) throws(DesignPowerError) {
        let control = proto.control.id
        var used: [String] = []
        for id in proto.design.sequences.flatMap(\.conditions) where id != control && !used.contains(id) {
            used.append(id)
        }
        guard used.count <= 1 else { throw .notTwoConditions(study: proto.study.id, conditions: [control] + used) }
        let calendar = proto.calendar
        let transition = proto.transition
        let keptAfterTransition =
            transition.includeInPrimary || transition.weeks == 0
            ? 1.0 : Double(calendar.periodWeeks - transition.weeks) / Double(calendar.periodWeeks)
        studyID = proto.study.id
        kind = proto.design.kind
        treatment = []
        analysedFraction = []
        rowCodes = []
        rowSequences = []
        for (s, sequence) in proto.design.sequences.enumerated() {
            let x = sequence.conditions.map { $0 == control ? 0.0 : 1.0 }
            let fraction = sequence.conditions.indices.map { p in
                p > 0 && sequence.conditions[p] != sequence.conditions[p - 1] ? keptAfterTransition : 1
            }
            let codes = String(sequence.conditions.map { proto.condition(id: $0)?.code ?? "?" })
            for _ in 0..<sequence.multiplicity {
                treatment.append(x)
                analysedFraction.append(fraction)
                rowCodes.append(codes)
                rowSequences.append(s)
            }
        }
        let treated = treatment.reduce(0) { $0 + $1.reduce(0, +) }
        let cells = treatment.reduce(0) { $0 + $1.count }
        guard treated > 0, treated < Double(cells) else { throw .noContrast(study: studyID) }
    }

    /// The number of rows (sites).
    public var clusterCount: Int { treatment.count }

    /// The number of periods.
    public var periodCount: Int { treatment.first?.count ?? 0 }

    /// The analysed participants per cell for `m` per cluster-period: `round(m·f_ij)` with ``analysedFraction``.
    /// - Parameter m: Participants admitted per cluster-period.
    /// - Returns: `m_ij`, one row per site.
    public func sizes(perClusterPeriod m: Int) -> [[Int]] {
        analysedFraction.map { row in row.map { Int((Double(m) * $0).rounded()) } }
    }

    /// The analysed participants per cell under `assumptions`: ``PowerAssumptions/cellSizes`` when set, else
    /// ``PowerAssumptions/clusterPeriodSize`` in every cell, with transition cells shortened to `round(m_ij·f_ij)`.
    /// - Parameter assumptions: The assumptions.
    /// - Returns: `m_ij`, one row per site. Cell sizes of the wrong shape are a programmer error and trap; check
    ///   them with ``checkCellSizes(_:)`` first.
    public func sizes(for assumptions: PowerAssumptions) -> [[Int]] {
        guard let cells = assumptions.cellSizes else { return sizes(perClusterPeriod: assumptions.clusterPeriodSize) }
        precondition(checkCellSizes(cells) == nil, "cell sizes do not match the design")
        return zip(cells, analysedFraction).map { row, fraction in
            zip(row, fraction).map { Int((Double($0) * $1).rounded()) }
        }
    }

    /// A description of what is wrong with `cells` for this design (shape, negative sizes), or `nil`.
    /// - Parameter cells: Sizes per design row and period.
    /// - Returns: The problem, naming the 1-based row and period, or `nil` when they fit.
    public func checkCellSizes(_ cells: [[Int]]) -> String? {
        guard cells.count == clusterCount else {
            return "has \(cells.count) rows, but the design has \(clusterCount) (one per site, in design order)"
        }
        for (i, row) in cells.enumerated() {
            guard row.count == periodCount else {
                return "row \(i + 1) has \(row.count) sizes, but the design has \(periodCount) periods"
            }
            if let j = row.firstIndex(where: { $0 < 0 }) {
                return "row \(i + 1), period \(j + 1) is \(row[j]); sizes must be 0 (not observed) or more"
            }
        }
        return nil
    }

    /// The Stats-level input of the analytic calculation.
    /// - Parameter assumptions: The outcome and clustering assumptions.
    /// - Returns: The ``PowerInput`` for ``HusseyHughesPower``; with no ``PowerAssumptions/periodEffects``,
    ///   swPwr's pooled variance.
    public func input(_ assumptions: PowerAssumptions) -> PowerInput {
        PowerInput(
            treatment: treatment, clusterPeriodSizes: sizes(for: assumptions),
            controlProportion: assumptions.controlProportion,
            interventionProportion: assumptions.interventionProportion, icc: assumptions.icc,
            correlation: assumptions.correlation, periodEffects: assumptions.riskScalePeriodEffects,
            alpha: assumptions.alpha)
    }

    /// The analytic (Hussey & Hughes 2007 GLS) power of this design; see ``HusseyHughesPower/compute(_:)``.
    /// - Parameter assumptions: The assumptions.
    /// - Returns: Power, `Var(θ̂)`, SE and design effect; NaN fields for invalid assumptions.
    public func analyticPower(_ assumptions: PowerAssumptions) -> PowerResult {
        HusseyHughesPower.compute(input(assumptions))
    }

    /// The smallest cluster-period size `m` whose analytic power reaches `target`, or `nil` when none up to
    /// `maximumSize` does. Power levels off below 1 as `m` grows when within-site comparisons cannot remove the
    /// cluster variance: with a cluster × period effect (`CAC < 1`, or decay `r < 1`), or in a parallel design
    /// (Hemming et al. 2015). With `CAC = 1` and sites that cross over, the site effect cancels and power tends
    /// to 1.
    ///
    /// Cells shortened by a transition are recomputed from each candidate `m` (`round(m·f_ij)`), so the search
    /// runs on `m` itself rather than through ``PowerInput/resized(to:)``. Power is non-decreasing in `m`, so
    /// the search doubles `m` and then bisects.
    /// - Parameters:
    ///   - target: The power to reach, in (0, 1).
    ///   - assumptions: The assumptions; their ``PowerAssumptions/clusterPeriodSize`` is ignored.
    ///   - maximumSize: The largest `m` tried. Default 100 000.
    /// - Returns: The smallest `m ≥ 1` with power ≥ `target`, or `nil`.
    public func solveClusterPeriodSize(target: Double, assumptions: PowerAssumptions, maximumSize: Int = 100_000)
        -> Int?
    {
        guard target > 0, target < 1, maximumSize >= 1 else { return nil }
        func reaches(_ m: Int) -> Bool {
            var a = assumptions
            a.clusterPeriodSize = m
            a.cellSizes = nil
            return analyticPower(a).power >= target
        }
        var low = 0, high = 1
        while !reaches(high) {
            if high >= maximumSize { return nil }
            low = high
            high = min(2 * high, maximumSize)
        }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if reaches(middle) { high = middle } else { low = middle }
        }
        return high
    }

    /// Analytic power over ICC values × cluster-period sizes, ICC-major.
    /// - Parameters:
    ///   - iccs: The ICC values.
    ///   - sizes: The cluster-period sizes `m`.
    ///   - assumptions: The other assumptions.
    /// - Returns: One point per (ICC, m).
    public func grid(iccs: [Double], sizes: [Int], assumptions: PowerAssumptions) -> [PowerGridPoint] {
        iccs.flatMap { icc in
            sizes.map { m in
                var a = assumptions
                a.icc = icc
                a.clusterPeriodSize = m
                a.cellSizes = nil
                return PowerGridPoint(icc: icc, clusterPeriodSize: m, result: analyticPower(a))
            }
        }
    }
}
