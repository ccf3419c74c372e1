// SPDX-License-Identifier: Apache-2.0

/// The NPWP estimate (see ``NonparametricWithinPeriod``) and its period-by-period contrasts.
public struct NPWPEstimate: Sendable, Equatable {
    /// `θ̂ = Σ w_j d_j / Σ w_j`, on the scale of the summaries (a risk difference for proportions).
    public var estimate: Double
    /// The periods that contributed, in period order.
    public var periods: [NPWPPeriodContrast]
}
