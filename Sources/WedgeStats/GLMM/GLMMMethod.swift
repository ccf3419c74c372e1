// SPDX-License-Identifier: Apache-2.0

/// How ``LogisticGLMM`` approximates the integral over each cluster's random intercept.
///
/// These correspond to lme4's `glmer(..., nAGQ = k)`: ``laplace`` is `nAGQ = 1` and
/// ``adaptiveGaussHermite(points:)`` is `nAGQ = points`.
public enum GLMMMethod: Sendable, Equatable, Hashable {
    /// The Laplace approximation (Bates et al. 2015, §5; lme4 `nAGQ = 1`).
    case laplace
    /// Adaptive Gauss–Hermite quadrature with `points` nodes per cluster, centred at each cluster's
    /// conditional mode and scaled by its conditional SD (Liu & Pierce 1994; Pinheiro & Bates 1995).
    /// One point is exactly the Laplace approximation. lme4 allows at most 25 points; so do we.
    case adaptiveGaussHermite(points: Int)

    /// The number of quadrature points (1 for ``laplace``).
    public var points: Int {
        switch self {
        case .laplace: 1
        case .adaptiveGaussHermite(let points): points
        }
    }
}
