// SPDX-License-Identifier: Apache-2.0

/// A natural cubic spline basis with an intercept: cubic between the knots, linear outside the boundary
/// knots, with `K` basis functions for `K` knots (boundary knots included).
///
/// The truncated-power form of Hastie, Tibshirani & Friedman (2009, *The Elements of Statistical
/// Learning*, 2nd ed., eqs. 5.4–5.5): `N₁(x) = 1`, `N₂(x) = x`, `N_{k+2}(x) = d_k(x) − d_{K−1}(x)` for
/// `k = 1 … K − 2`, with `d_k(x) = [(x − ξ_k)³₊ − (x − ξ_K)³₊]/(ξ_K − ξ_k)`. It spans the same space as
/// R's `splines::ns(x, knots = ξ₂ … ξ_{K−1}, Boundary.knots = c(ξ₁, ξ_K), intercept = TRUE)`, so a model
/// fitted with either basis has the same fitted curve, the same likelihood and the same effects at any
/// point; only the coefficients differ (by an invertible linear map).
///
/// NaN behaviour: a NaN `x` gives a row of NaNs (except `N₁ = 1`); knots must be finite and increasing.
public struct NaturalCubicSpline: Sendable, Equatable {
    /// The knots `ξ₁ < … < ξ_K`, boundary knots included.
    public var knots: [Double]

    /// Creates the basis for the given knots; needs at least two, strictly increasing.
    /// - Parameter knots: The knots, boundary knots first and last.
    public init(knots: [Double]) {
        precondition(knots.count >= 2 && zip(knots, knots.dropFirst()).allSatisfy { $0 < $1 },
                     "a natural cubic spline needs at least two increasing knots")
        self.knots = knots
    }

    /// `count` knots equally spaced over `[lower, upper]`, as steppedwedge places them
    /// (`seq(0, S, length.out = n_knots_exp)`).
    /// - Parameters:
    ///   - count: The number of knots, at least 2.
    ///   - lower: The lower boundary knot.
    ///   - upper: The upper boundary knot, greater than `lower`.
    public init(equallySpaced count: Int, from lower: Double, to upper: Double) {
        self.init(knots: (0..<count).map { lower + (upper - lower) * Double($0) / Double(count - 1) })
    }

    /// The number of basis functions, equal to the number of knots.
    public var dimension: Int { knots.count }

    /// The basis functions at `x`.
    /// - Parameter x: The point.
    /// - Returns: `dimension` values.
    public func basis(_ x: Double) -> [Double] {
        let k = knots.count, last = knots[k - 1]
        func d(_ j: Int) -> Double {
            let a = max(x - knots[j], 0), b = max(x - last, 0)
            return (a * a * a - b * b * b) / (last - knots[j])
        }
        var row = [1.0, x]
        let dLast = k >= 3 ? d(k - 2) : 0
        for j in 0..<(k - 2) { row.append(d(j) - dLast) }
        return row
    }
}
