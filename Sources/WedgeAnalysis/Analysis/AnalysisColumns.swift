// SPDX-License-Identifier: Apache-2.0

/// The column names an analysis CSV is read with. The defaults are those of `wedge export`.
public struct AnalysisColumns: Sendable, Equatable {
    /// The site (cluster) id. Required.
    public var site = "site"
    /// The period number, 1-based. Required.
    public var period = "period"
    /// The condition id. Required.
    public var condition = "condition"
    /// Initiation, 1/0. Required.
    public var initiated = "initiated"
    /// Second injection inside its window, 1/0 or blank.
    public var secondInjection = "second_injection"
    /// Third injection inside its window, 1/0 or blank.
    public var thirdInjection = "third_injection"
    /// Days from admission to the first injection, or blank.
    public var daysToFirstInjection = "days_to_first_injection"
    /// Days retained from induction start (initiators), or blank.
    public var retentionDays = "retention_days"
    /// 1 when the retention time ended in dropout, 0 when censored, or blank.
    public var retentionEvent = "retention_event"
    /// 1 when the row belongs to the primary analysis set; when absent, every row does.
    public var inPrimary = "in_primary"

    /// The default (export) names.
    public init() {}

    /// The required columns, as (field, name) pairs.
    var required: [(String, String)] {
        [("site", site), ("period", period), ("condition", condition), ("initiated", initiated)]
    }

    /// The optional outcome columns, as (field, name) pairs, in export order.
    var optional: [(String, String)] {
        [("second_injection", secondInjection), ("third_injection", thirdInjection),
         ("days_to_first_injection", daysToFirstInjection), ("retention_days", retentionDays),
         ("retention_event", retentionEvent)]
    }
}
