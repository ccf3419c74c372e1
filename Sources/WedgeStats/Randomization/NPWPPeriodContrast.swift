// SPDX-License-Identifier: Apache-2.0

/// One period's vertical comparison in ``NonparametricWithinPeriod``.
public struct NPWPPeriodContrast: Sendable, Equatable {
    /// The 0-based period `j`.
    public var period: Int
    /// `|I_j|`, the intervention clusters with data in the period.
    public var interventionClusters: Int
    /// `|C_j|`, the control clusters with data in the period.
    public var controlClusters: Int
    /// The mean summary of the intervention clusters.
    public var interventionMean: Double
    /// The mean summary of the control clusters.
    public var controlMean: Double
    /// `d_j`, intervention mean minus control mean.
    public var difference: Double
    /// `w_j = 1 / (1/|I_j| + 1/|C_j|)`.
    public var weight: Double
}
