// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// The tables and figures of the study report, in report order, each with a stable id.
public enum ReportCatalog {
    /// A table of the report.
    struct TableEntry: Sendable {
        let id: String
        let summary: String
        let make: @Sendable (ReportContext) -> ReportTable
    }

    /// A figure of the report.
    struct FigureEntry: Sendable {
        let id: String
        let title: String
        let make: @Sendable (ReportContext) -> String
    }

    static let tables: [TableEntry] = [
        TableEntry(id: "consort", summary: "flow from screening by condition; exclusion and non-initiation reasons") {
            ConsortTables.flow($0.data)
        },
        TableEntry(id: "sequences", summary: "sites and participants by sequence and period") {
            ConsortTables.sequences($0.data)
        },
        TableEntry(id: "enrollment", summary: "enrollment by site × period, marked by condition") {
            EnrollmentTables.bySitePeriod($0.data.snapshot)
        },
        TableEntry(id: "screening", summary: "screening, eligibility and consent rates by site × period, condition") {
            ScreeningRateTables.bySitePeriod($0.data.snapshot)
        },
        TableEntry(id: "baseline", summary: "Table 1: baseline characteristics with SMDs") {
            BaselineTable.table($0.data)
        },
        TableEntry(id: "primary", summary: "initiation: crude, GLMM, GEE, permutation") {
            PrimaryOutcomeTable.table($0.primary)
        },
        TableEntry(id: "models", summary: "initiation by model: primary and sensitivity analyses") {
            AnalysisTables.models($0.primary)
        },
        TableEntry(id: "exposure-effects", summary: "initiation odds ratio by exposure time") {
            AnalysisTables.exposureEffects($0.primary)
        },
        TableEntry(id: "secondary-injections", summary: "second and third injection; days to first") {
            AnalysisTables.laterInjections($0.retention)
        },
        TableEntry(id: "secondary-retention", summary: "retention: KM at 30/60 days, median, Cox") {
            AnalysisTables.retention($0.retention)
        },
        TableEntry(id: "initiation-site", summary: "initiation by site and condition") {
            InitiationTables.bySite($0.data)
        },
        TableEntry(id: "initiation-period", summary: "initiation by period and condition") {
            InitiationTables.byPeriod($0.data)
        },
        TableEntry(id: "safety", summary: "adverse and serious adverse events") {
            SafetyTable.table($0.data)
        },
    ]

    static let figures: [FigureEntry] = [
        FigureEntry(id: "design", title: "Design: sites by sequence, shaded by condition") {
            DesignDiagram.svg($0.data.snapshot.schedule)
        },
        FigureEntry(id: "initiation-period", title: "Initiation by period and condition") {
            InitiationPlot.byPeriod($0.data)
        },
        FigureEntry(id: "initiation-site", title: "Initiation by site and condition") {
            InitiationPlot.bySite($0.data)
        },
        FigureEntry(id: "retention", title: "Retention among initiators (Kaplan–Meier), with numbers at risk") {
            RetentionPlot.svg($0.retention, protocol: $0.data.protocol)
        },
    ]

    /// The ids of every table, in report order: what `wedge report TABLE` accepts.
    public static var tableIDs: [String] { tables.map(\.id) }

    /// One line per table, the id padded to a column, then the summary: for help text.
    public static var tableList: String {
        let width = (tables.map(\.id.count).max() ?? 0) + 2
        return tables.map { "  " + $0.id + String(repeating: " ", count: width - $0.id.count) + $0.summary }
            .joined(separator: "\n")
    }

    /// Makes one table of `snapshot`, computing only what that table needs.
    /// - Throws: ``ReportError/unknownTable(_:suggestion:)`` for an unknown id, with the closest id.
    public static func table(_ id: String, of snapshot: StudySnapshot) throws(ReportError) -> ReportTable {
        guard let entry = tables.first(where: { $0.id == id }) else {
            throw .unknownTable(id, suggestion: Suggestion.closest(to: id, among: tableIDs))
        }
        return entry.make(ReportContext(ReportData(snapshot)))
    }
}
