// SPDX-License-Identifier: Apache-2.0

/// How the treatment effect may depend on exposure time `e`, the number of periods since a site switched
/// to the intervention (`e = 1` in its first intervention period, 0 under control).
///
/// These are the `exp_time` options of the R package steppedwedge's `analyze()` (Kenny, Voldal, Xia &
/// Heagerty 2022, "Analysis of stepped wedge cluster randomized trials in the presence of a time-varying
/// treatment effect", *Stat Med* 41:4311–4339; Hughes, Granston & Heagerty 2015, *Contemp Clin Trials*
/// 45:55–60). Each model replaces the single treatment column of the immediate-treatment (Hussey–Hughes)
/// model by columns `z(e)·1{treated}`; the effect at exposure time `e` is `B(e)·δ` for the model's basis `B`.
public enum ExposureTimeModel: Sendable, Equatable, Hashable {
    /// Immediate treatment (IT): one effect, the same at every exposure time.
    case immediate
    /// Exposure-time indicators (ETI): one effect per exposure time `1 … S`; no assumption on its shape.
    case indicators
    /// A natural cubic spline in exposure time (NCS) with `knots` equally spaced knots on `[0, S]`,
    /// boundaries included (steppedwedge's `n_knots_exp`, default 4), and an intercept: `knots` effect
    /// parameters, a smooth curve between IT and ETI.
    case naturalCubicSpline(knots: Int)

    /// The basis `B`, one row per exposure time `e = 1 … maxExposure`: the effect at `e` is row `e` times
    /// the model's effect coefficients.
    /// - Parameter maxExposure: The largest exposure time `S` in the data.
    /// - Returns: A `S × q` matrix (`q` = 1, `S` or the number of knots).
    public func basis(maxExposure: Int) -> Matrix {
        let s = max(maxExposure, 1)
        switch self {
        case .immediate:
            return Matrix((1...s).map { _ in [1.0] })
        case .indicators:
            return Matrix.identity(s)
        case .naturalCubicSpline(let knots):
            let spline = NaturalCubicSpline(equallySpaced: max(knots, 2), from: 0, to: Double(s))
            return Matrix((1...s).map { spline.basis(Double($0)) })
        }
    }

    /// The number of effect parameters `q`: 1 (IT), `S` (ETI) or the number of knots (NCS).
    /// - Parameter maxExposure: The largest exposure time `S`.
    public func parameterCount(maxExposure: Int) -> Int {
        switch self {
        case .immediate: 1
        case .indicators: max(maxExposure, 1)
        case .naturalCubicSpline(let knots): max(knots, 2)
        }
    }

    /// The effect columns of one design row: row `exposure` of ``basis(maxExposure:)``, or zeros under control.
    /// - Parameters:
    ///   - exposure: The exposure time of the row, 0 under control.
    ///   - maxExposure: The largest exposure time `S`.
    /// - Returns: `q` values.
    public func columns(exposure: Int, maxExposure: Int) -> [Double] {
        let q = parameterCount(maxExposure: maxExposure)
        guard exposure > 0 else { return Array(repeating: 0, count: q) }
        switch self {
        case .immediate: return [1]
        case .indicators: return (1...q).map { $0 == exposure ? 1 : 0 }
        case .naturalCubicSpline:
            return NaturalCubicSpline(equallySpaced: q, from: 0, to: Double(max(maxExposure, 1))).basis(Double(exposure))
        }
    }
}
