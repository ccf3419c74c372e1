// SPDX-License-Identifier: Apache-2.0

/// How the simulator draws one baseline covariate, with its distribution varying by site.
public enum CovariateModel: Sendable, Equatable {
    /// A normal value: each site's mean is `mean + siteSD·z_s`; participants draw `N(site mean, sd²)`,
    /// clamped to the protocol's bounds and rounded to `decimals` places.
    case number(mean: Double, sd: Double, siteSD: Double, decimals: Int)
    /// A yes/no value: each site's log-odds is `logit(p) + siteSD·z_s`.
    case proportion(p: Double, siteSD: Double)
    /// One of several levels: each site multiplies level `k`'s weight by `exp(siteSD·z_{s,k})` and
    /// normalizes; participants draw a level with those probabilities. Weights are in level order.
    case categorical(weights: [Double], siteSD: Double)
}
