// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// What the models mean for fitting: which random effects, which treatment columns. Used by
/// ``SensitivityAnalyses`` (the spline's knots) and by ``SimulatedPower`` (`wedge power --model` takes the same names
/// as `wedge analyze --model`).
///
/// The exposure-time models are those of steppedwedge's `analyze(exp_time = "ETI" | "NCS", re = "clust" |
/// c("clust", "time"))` (Kenny et al. 2022, *Stat Med* 41:4311–4339); the spline has `min(4, S)` knots on
/// `[0, S]` (steppedwedge's default `n_knots_exp = 4`).
extension AnalysisModel {
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
