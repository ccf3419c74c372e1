// SPDX-License-Identifier: Apache-2.0

/// The treatment effect as a function of exposure time, and the estimands built from it: the
/// time-averaged treatment effect (TATE) and the point treatment effect (PTE).
///
/// From the effect coefficients `δ̂` of an ``ExposureTimeModel`` with basis `B` and their covariance `V`:
/// the effect curve `θ̂(e) = B(e)δ̂`, `e = 1 … S`, with covariance `C = BVBᵀ`;
/// `TATE(e₁, e₂) = (e₂ − e₁ + 1)⁻¹ Σ_{e=e₁}^{e₂} θ̂(e)` with `SE = √(aᵀCa)` for the averaging weights `a`;
/// `PTE(e) = θ̂(e)` with `SE = √C_ee` (Kenny, Voldal, Xia & Heagerty 2022, *Stat Med* 41:4311–4339, §2;
/// steppedwedge's `analyze(estimand_type = "TATE" | "PTE", estimand_time = …)`). On the logit scale these are
/// log odds ratios; Wald intervals use the normal reference, as steppedwedge does.
///
/// NaN behaviour: NaN coefficients or covariances propagate to the estimates; an exposure range outside
/// `1 … S` gives NaN.
public struct ExposureTimeEffects: Sendable {
    /// The exposure-time model.
    public var model: ExposureTimeModel
    /// The largest exposure time `S`.
    public var maxExposure: Int
    /// `θ̂(e)` for `e = 1 … S`.
    public var curve: [Double]
    /// `C = BVBᵀ`, the covariance of ``curve``.
    public var curveCovariance: Matrix

    /// Builds the effect curve from the effect coefficients and their covariance.
    /// - Parameters:
    ///   - model: The exposure-time model that produced the coefficients.
    ///   - maxExposure: The largest exposure time `S`.
    ///   - coefficients: `δ̂`, ``ExposureTimeModel/parameterCount(maxExposure:)`` values.
    ///   - covariance: Their covariance `V`.
    public init(model: ExposureTimeModel, maxExposure: Int, coefficients: [Double], covariance: Matrix) {
        let b = model.basis(maxExposure: maxExposure)
        precondition(coefficients.count == b.columns && covariance.rows == b.columns && covariance.columns == b.columns,
                     "the coefficients and covariance must match the model's parameter count")
        self.model = model
        self.maxExposure = maxExposure
        curve = b * coefficients
        curveCovariance = b * covariance * b.transposed
    }

    /// The effect at each exposure time with its Wald interval.
    /// - Parameter confidenceLevel: Two-sided coverage.
    /// - Returns: One inference per exposure time `1 … S`.
    public func pointEffects(confidenceLevel: Double = 0.95) -> [WaldInference] {
        (1...max(maxExposure, 1)).map { pointEffect(at: $0, confidenceLevel: confidenceLevel) }
    }

    /// The time-averaged treatment effect over exposure times `range` (default `1 … S`).
    /// - Parameters:
    ///   - range: The exposure times to average, within `1 … S`.
    ///   - confidenceLevel: Two-sided coverage.
    /// - Returns: The TATE, its SE, z, p and interval; NaN for a range outside `1 … S`.
    public func timeAveraged(over range: ClosedRange<Int>? = nil, confidenceLevel: Double = 0.95) -> WaldInference {
        let r = range ?? 1...max(maxExposure, 1)
        guard r.lowerBound >= 1, r.upperBound <= maxExposure else {
            return WaldInference(estimate: .nan, standardError: .nan, confidenceLevel: confidenceLevel)
        }
        let w = 1 / Double(r.count)
        var estimate = 0.0, variance = 0.0
        for i in r {
            estimate += w * curve[i - 1]
            for j in r { variance += w * w * curveCovariance[i - 1, j - 1] }
        }
        return WaldInference(estimate: estimate, standardError: variance.squareRoot(), confidenceLevel: confidenceLevel)
    }

    /// The point treatment effect at exposure time `exposure`.
    /// - Parameters:
    ///   - exposure: An exposure time in `1 … S`.
    ///   - confidenceLevel: Two-sided coverage.
    /// - Returns: The PTE with its Wald inference; NaN outside `1 … S`.
    public func pointEffect(at exposure: Int, confidenceLevel: Double = 0.95) -> WaldInference {
        guard exposure >= 1, exposure <= maxExposure else {
            return WaldInference(estimate: .nan, standardError: .nan, confidenceLevel: confidenceLevel)
        }
        return WaldInference(
            estimate: curve[exposure - 1], standardError: curveCovariance[exposure - 1, exposure - 1].squareRoot(),
            confidenceLevel: confidenceLevel)
    }
}
