// SPDX-License-Identifier: Apache-2.0

/// One point of an ICC × cluster-period-size power grid (see
/// ``HusseyHughesPower/grid(iccs:clusterPeriodSizes:template:)``).
public struct PowerGridPoint: Sendable, Equatable {
    /// The intracluster correlation of this point.
    public var icc: Double
    /// The size `m` used in every observed cell.
    public var clusterPeriodSize: Int
    /// The power computation at this point.
    public var result: PowerResult

    /// Creates a grid point.
    public init(icc: Double, clusterPeriodSize: Int, result: PowerResult) {
        self.icc = icc
        self.clusterPeriodSize = clusterPeriodSize
        self.result = result
    }
}
