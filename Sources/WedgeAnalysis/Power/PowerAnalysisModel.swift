// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// The model that analyses each simulated trial of ``SimulatedPower`` (`wedge power --simulate N --model …`): one of
/// the models of `wedge analyze` (`docs/models.md`), each with the test of its treatment effect.
///
/// - ``husseyHughes`` (`hh`): `logit P = treatment + factor(period) + (1 | site)`, the log OR (Hussey & Hughes 2007).
/// - ``nested`` (`nested`): adds `(1 | site:period)`, the nested-exchangeable model (Hooper et al. 2016).
/// - ``exposureTime`` (`eti`), ``nestedExposureTime`` (`nested-eti`): one effect per exposure time, with the site
///   intercept or both intercepts; the estimate is the time-averaged treatment effect (TATE).
/// - ``spline`` (`ncs`), ``nestedSpline`` (`nested-ncs`): a natural cubic spline in exposure time with
///   `min(4, S)` knots on `[0, S]` (steppedwedge's default `n_knots_exp = 4`), the TATE of its curve.
///
/// The exposure-time models are those of steppedwedge's `analyze(exp_time = "ETI" | "NCS", re = "clust" |
/// c("clust", "time"))` (Kenny, Voldal, Xia & Heagerty 2022, *Stat Med* 41:4311–4339). The TATE is
/// `(e₂ − e₁ + 1)⁻¹ Σ θ̂(e)` with `SE = √(aᵀCa)` (``ExposureTimeEffects``); its test is the two-sided Wald z test, as
/// steppedwedge's.
public enum PowerAnalysisModel: String, Sendable, Equatable, CaseIterable {
    /// The Hussey–Hughes GLMM, immediate treatment.
    case husseyHughes = "hh"
    /// The nested-exchangeable GLMM, immediate treatment.
    case nested
    /// Exposure-time indicators with a site intercept.
    case exposureTime = "eti"
    /// Exposure-time indicators with site and site × period intercepts.
    case nestedExposureTime = "nested-eti"
    /// A natural cubic spline in exposure time with a site intercept.
    case spline = "ncs"
    /// A natural cubic spline in exposure time with site and site × period intercepts.
    case nestedSpline = "nested-ncs"

    /// Whether the model has the site × period random intercept (fitted by ``NestedGLMM``, Laplace only).
    public var hasSitePeriodEffect: Bool {
        self == .nested || self == .nestedExposureTime || self == .nestedSpline
    }

    /// Whether the treatment effect is immediate (one coefficient, the log OR) rather than a curve summarised by
    /// its TATE.
    public var isImmediate: Bool { self == .husseyHughes || self == .nested }

    /// The exposure-time model of the treatment columns for a design whose largest exposure time is `maxExposure`.
    /// - Parameter maxExposure: `S`, the largest exposure time among the analysed cells.
    /// - Returns: ``ExposureTimeModel/immediate``, ``ExposureTimeModel/indicators`` or a spline with `min(4, S)`
    ///   knots (at least 2).
    public func exposureTimeModel(maxExposure: Int) -> ExposureTimeModel {
        switch self {
        case .husseyHughes, .nested: return .immediate
        case .exposureTime, .nestedExposureTime: return .indicators
        case .spline, .nestedSpline: return .naturalCubicSpline(knots: max(2, min(4, maxExposure)))
        }
    }

    /// A short name for the output: `Hussey–Hughes`, `nested-exchangeable`, `exposure-time (ETI)`, ….
    public var label: String {
        switch self {
        case .husseyHughes: return "Hussey–Hughes"
        case .nested: return "nested-exchangeable"
        case .exposureTime: return "exposure-time (ETI)"
        case .nestedExposureTime: return "nested exposure-time (ETI)"
        case .spline: return "spline exposure-time (NCS)"
        case .nestedSpline: return "nested spline exposure-time (NCS)"
        }
    }
}
