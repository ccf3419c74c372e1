// SPDX-License-Identifier: Apache-2.0

/// How many degrees of freedom the t reference distribution of a GEE Wald statistic gets.
///
/// With few clusters the Wald statistic `β̂ⱼ / SE` is not normal; a t reference with fewer degrees of
/// freedom than clusters is the usual remedy (Li & Redden 2015, *Stat Med* 34:281, recommend
/// `K − p` with the Kauermann–Carroll variance). In a stepped-wedge trial the period effects make
/// `K − p` negative (6 sites, 1 + 1 + 5 period parameters), so Wedge's default is `K − 2`, the
/// between-cluster degrees of freedom of a two-arm cluster trial.
public enum DegreesOfFreedomRule: Sendable, Hashable, CustomStringConvertible {
    /// The number of clusters minus `k`; `.clustersMinus(2)` is the default.
    case clustersMinus(Int)
    /// The number of clusters minus the number of regression parameters `p`.
    case clustersMinusParameters
    /// A fixed number of degrees of freedom.
    case fixed(Int)
    /// The standard normal reference (infinite degrees of freedom), as geepack's Wald test uses.
    case normal

    /// The degrees of freedom for a fit with `clusters` clusters and `parameters` coefficients.
    ///
    /// - Parameters:
    ///   - clusters: The number of non-empty clusters `K`.
    ///   - parameters: The number of regression coefficients `p`.
    /// - Returns: The degrees of freedom, `.infinity` for ``normal``. The value may be zero or
    ///   negative (for example `K − p` in a stepped wedge); inference then reports NaN.
    public func degreesOfFreedom(clusters: Int, parameters: Int) -> Double {
        switch self {
        case .clustersMinus(let k): Double(clusters - k)
        case .clustersMinusParameters: Double(clusters - parameters)
        case .fixed(let df): Double(df)
        case .normal: .infinity
        }
    }

    /// A short label for reports, for example `clusters − 2` or `normal (z)`.
    public var description: String {
        switch self {
        case .clustersMinus(let k): "clusters − \(k)"
        case .clustersMinusParameters: "clusters − parameters"
        case .fixed(let df): "fixed \(df)"
        case .normal: "normal (z)"
        }
    }
}
