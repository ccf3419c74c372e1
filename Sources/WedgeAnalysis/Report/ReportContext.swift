// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore
internal import WedgeStats

/// What the report's tables and figures are computed from: the derived rows, and the model-based analyses,
/// each computed at most once and only when a table asks for it.
final class ReportContext {
    /// The snapshot and its analysis rows.
    let data: ReportData

    init(_ data: ReportData) { self.data = data }

    /// Kaplan–Meier estimates of retention (days from the first injection to dropout, censored at the end of
    /// follow-up), by condition in protocol order, over initiators in the primary analysis set.
    lazy var retentionCurves: [KaplanMeier] = data.byCondition(data.primaryRows).map { group in
        let kept = group.filter { $0.retentionDays != nil }
        return KaplanMeier(time: kept.map { Double($0.retentionDays!) }, event: kept.map { $0.retentionEvent ?? false })
    }
}
