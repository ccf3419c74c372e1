// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore

/// What the report's tables and figures are computed from: the derived rows, and the model-based analyses,
/// each computed at most once and only when a table or figure asks for it (so `wedge report baseline` never
/// fits a model).
final class ReportContext {
    /// The snapshot and its analysis rows.
    let data: ReportData

    init(_ data: ReportData) { self.data = data }

    /// The primary analysis set as plain arrays.
    lazy var dataset = AnalysisDataset(snapshot: data.snapshot, rows: data.rows)

    /// Crude comparisons, the GLMM, the GEE and the permutation test of initiation.
    /// The protocol's `primary_model` picks the primary model.
    lazy var primary: PrimaryAnalysis = {
        var options = PrimaryAnalysisOptions()
        options.model = data.snapshot.protocol.outcomes.primaryModel.flatMap(AnalysisModel.init(rawValue:)) ?? .husseyHughes
        return PrimaryAnalysis.run(dataset, options: options)
    }()

    /// Later injections, days to the first injection, and retention.
    lazy var retention = RetentionAnalysis.run(dataset)
}
