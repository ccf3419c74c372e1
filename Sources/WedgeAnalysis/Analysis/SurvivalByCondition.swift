// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// Retention in one condition: the Kaplan–Meier curve of days retained from induction start, with
/// Greenwood log-scale intervals (as `survfit`), the estimates at the report days, and the median.
public struct SurvivalByCondition: Sendable, Equatable {
    /// The condition id.
    public var id: String
    /// The condition label.
    public var label: String
    /// The curve.
    public var curve: KaplanMeier
    /// The estimates at ``RetentionAnalysis/reportDays`` that lie within follow-up.
    public var points: [KaplanMeierPoint]
    /// The median with the Brookmeyer–Crowley interval; NaN where not reached.
    public var median: IntervalEstimate
}
