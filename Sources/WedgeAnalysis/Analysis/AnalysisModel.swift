// SPDX-License-Identifier: Apache-2.0

/// The model whose treatment effect is the primary result (`wedge analyze --model`, or the protocol's
/// `[outcomes] primary_model`); the others are reported as sensitivity analyses (``ModelSummary``).
///
/// - ``husseyHughes``: `logit P = condition + factor(period) + (1 | site)` (Hussey & Hughes 2007).
/// - ``nested``: adds a site × period random intercept, the nested-exchangeable model (Hooper et al. 2016),
///   for within-site correlation that is stronger inside a period than across periods.
/// - ``exposureTime``: one effect per exposure time with the site random intercept (Kenny et al. 2022), the
///   estimate the time-averaged treatment effect (TATE) over the chosen exposure times.
/// - ``nestedExposureTime``: the same with site and site × period intercepts (steppedwedge's default `re`).
/// - ``spline``, ``nestedSpline``: a natural cubic spline in exposure time with either random-effects
///   structure, summarised by its TATE.
public enum AnalysisModel: String, Sendable, CaseIterable, Equatable {
    /// The Hussey–Hughes immediate-treatment GLMM.
    case husseyHughes = "hh"
    /// The nested-exchangeable immediate-treatment GLMM.
    case nested
    /// The exposure-time-indicator GLMM, summarised by its TATE.
    case exposureTime = "eti"
    /// The exposure-time-indicator GLMM with site and site × period intercepts, summarised by its TATE.
    case nestedExposureTime = "nested-eti"
    /// The spline exposure-time GLMM, summarised by its TATE.
    case spline = "ncs"
    /// The spline exposure-time GLMM with site and site × period intercepts, summarised by its TATE.
    case nestedSpline = "nested-ncs"

    /// The ``ModelSummary/id`` of the model's row.
    public var summaryID: String {
        switch self {
        case .husseyHughes: "hh"
        case .nested: "nested"
        case .exposureTime: "hh-eti"
        case .nestedExposureTime: "nested-eti"
        case .spline: "hh-ncs"
        case .nestedSpline: "nested-ncs"
        }
    }
}
