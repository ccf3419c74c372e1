// SPDX-License-Identifier: Apache-2.0

public import WedgeCore
public import WedgeStats

/// Power grids and design comparisons as ``ReportTable``s (text, Markdown, CSV through ``TableRenderer``) and
/// as JSON (schemas `wedge.power-grid/1` and `wedge.power-compare/1`, `docs/power.md`).
public enum PowerTables {
    /// The analytic power over cluster-period sizes (rows) × ICC values (columns).
    ///
    /// - Parameters:
    ///   - design: The design.
    ///   - points: The grid, as from ``DesignPower/grid(iccs:sizes:assumptions:)``.
    ///   - assumptions: The other assumptions (for the title and notes).
    /// - Returns: A table with the columns `m`, `N` (analysed participants) and one per ICC.
    public static func grid(design: DesignPower, points: [PowerGridPoint], assumptions: PowerAssumptions)
        -> ReportTable
    {
        let iccs = unique(points.map(\.icc))
        let sizes = unique(points.map(\.clusterPeriodSize))
        let rows = sizes.map { m -> [String] in
            let total = points.first { $0.clusterPeriodSize == m }?.result.totalSampleSize ?? 0
            return ["\(m)", "\(total)"] + iccs.map { icc in
                let point = points.first { $0.clusterPeriodSize == m && $0.icc == icc }
                return NumberFormat.fixed(point?.result.power ?? .nan, 3)
            }
        }
        return ReportTable(
            id: "power-grid",
            title: "Analytic power: \(design.studyID), p0 \(NumberFormat.fixed(assumptions.controlProportion, 3)), "
                + "p1 \(NumberFormat.fixed(assumptions.interventionProportion, 3)), \(correlationText(assumptions)), "
                + "α \(PowerSummary.trimmed(assumptions.alpha))",
            columns: ["m per cluster-period", "N analysed"] + iccs.map { "ICC \(PowerSummary.trimmed($0))" },
            rows: rows,
            notes: [
                "Hussey & Hughes (2007) GLS variance with swPwr's conventions: σ² = p̄(1 − p̄), two-sided Wald z-test. "
                    + "N counts the participants the primary analysis keeps."
            ])
    }

    /// The grid as JSON: `{schema, study, assumptions, points: [{icc, per_cluster_period, analysed_participants,
    /// power, variance, design_effect}]}`.
    public static func gridJSON(design: DesignPower, points: [PowerGridPoint], assumptions: PowerAssumptions)
        -> JSONValue
    {
        .object([
            ("schema", .string("wedge.power-grid/1")), ("study", .string(design.studyID)),
            ("p0", .double(assumptions.controlProportion)), ("p1", .double(assumptions.interventionProportion)),
            ("correlation", .string(correlationText(assumptions))), ("alpha", .double(assumptions.alpha)),
            ("points", .array(points.map { point in
                .object([
                    ("icc", .double(point.icc)), ("per_cluster_period", .int(point.clusterPeriodSize)),
                    ("analysed_participants", .int(point.result.totalSampleSize)),
                    ("power", .double(point.result.power)), ("variance", .double(point.result.variance)),
                    ("design_effect", .double(point.result.designEffect)),
                ])
            })),
        ])
    }

    /// Several protocols side by side under the same assumptions: one row per summary.
    ///
    /// - Parameter summaries: One ``PowerSummary`` per protocol, all with the same assumptions.
    /// - Returns: Columns protocol, design, sites, periods, N, power, SE, design effect, and the simulated power
    ///   with its interval when every summary has one.
    public static func comparison(_ summaries: [PowerSummary]) -> ReportTable {
        let simulated = !summaries.isEmpty && summaries.allSatisfy { $0.simulation != nil }
        var columns = ["Protocol", "Design", "Sites", "Periods", "N analysed", "Power", "SE(θ̂)", "Design effect"]
        if simulated { columns += ["Simulated power", "95% MC interval", "Singular fits"] }
        let rows = summaries.map { s -> [String] in
            var row = [
                s.design.studyID, s.design.kind.rawValue, "\(s.design.clusterCount)", "\(s.design.periodCount)",
                "\(s.analytic.totalSampleSize)", NumberFormat.fixed(s.analytic.power, 3),
                NumberFormat.fixed(s.analytic.standardError, 4), NumberFormat.fixed(s.analytic.designEffect, 2),
            ]
            if simulated, let sim = s.simulation {
                row += [
                    NumberFormat.fixed(sim.power.estimate, 3),
                    NumberFormat.interval(sim.power.lower, sim.power.upper, digits: 3),
                    NumberFormat.percent(sim.singularRate) + "%",
                ]
            }
            return row
        }
        let a = summaries.first?.assumptions
        let assumed = a.map {
            "Assumptions: p0 \(NumberFormat.fixed($0.controlProportion, 3)), p1 "
                + "\(NumberFormat.fixed($0.interventionProportion, 3)), ICC \(PowerSummary.trimmed($0.icc)), "
                + "\(correlationText($0)), \(sizeText($0)), α \(PowerSummary.trimmed($0.alpha))."
        }
        return ReportTable(
            id: "power-compare", title: "Design comparison under the same assumptions",
            columns: columns,
            alignments: [ReportTable.Alignment.left, .left]
                + Array(repeating: ReportTable.Alignment.right, count: columns.count - 2),
            rows: rows,
            notes: (assumed.map { [$0] } ?? [])
                + ["Power: Hussey & Hughes (2007) GLS, swPwr conventions. Design effect: Var(θ̂) relative to "
                    + "individual randomization of the same N."])
    }

    /// The comparison as JSON: `{schema, designs: [<wedge.power/1 object>…]}`.
    public static func comparisonJSON(_ summaries: [PowerSummary]) -> JSONValue {
        .object([
            ("schema", .string("wedge.power-compare/1")),
            ("designs", .array(summaries.map(\.jsonDocument))),
        ])
    }

    static func correlationText(_ a: PowerAssumptions) -> String {
        switch a.correlation {
        case .nestedExchangeable(let cac): return "CAC \(PowerSummary.trimmed(cac))"
        case .exponentialDecay(let r): return "decay r \(PowerSummary.trimmed(r))"
        }
    }

    static func sizeText(_ a: PowerAssumptions) -> String {
        guard let cells = a.cellSizes else { return "\(a.clusterPeriodSize) per cluster-period" }
        let all = cells.joined()
        return "sizes per cell from --cell-sizes (m \(all.min() ?? 0)–\(all.max() ?? 0))"
    }

    /// The distinct values in first-seen order.
    static func unique<T: Equatable>(_ values: [T]) -> [T] {
        values.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
}
