// SPDX-License-Identifier: Apache-2.0

import RealModule

/// A Gauss–Hermite quadrature rule for the standard normal density, as lme4's `GHrule`.
///
/// With nodes `zₖ` and weights `wₖ`, `Σₖ wₖ f(zₖ) ≈ ∫ f(z) φ(z) dz`, exact when `f` is a polynomial of
/// degree at most `2·points − 1`. The weights are positive and sum to 1; nodes are symmetric about 0,
/// sorted ascending, and the middle node of an odd rule is exactly 0.
///
/// ## Algorithm
/// The roots `xₖ` of the physicists' Hermite polynomial `H_n` are found by Newton's method on the
/// orthonormal three-term recurrence, started from the asymptotic guesses of Press et al.,
/// *Numerical Recipes* (3rd ed., §4.6, `gauher`); the weights are `2 / H̃ₙ'(xₖ)²` for the orthonormal
/// polynomials. The rule for `φ` follows by `zₖ = √2·xₖ`, `wₖ = w̃ₖ/√π`. Nodes agree with lme4's
/// `GHrule` (Golub–Welsch eigenvalues) to about 1e-14 for up to 25 points.
public struct GaussHermiteRule: Sendable, Equatable {
    /// The nodes `zₖ`, ascending.
    public let nodes: [Double]
    /// The weights `wₖ` for the standard normal density; they sum to 1.
    public let weights: [Double]

    /// Computes the `points`-point rule; `points` must be at least 1.
    /// - Parameter points: The number of nodes.
    public init(points: Int) {
        precondition(points >= 1, "a Gauss–Hermite rule needs at least one point")
        let n = points
        var x = Array(repeating: 0.0, count: n)
        var w = Array(repeating: 0.0, count: n)
        let piToMinusQuarter = 0.751_125_544_464_942_482_86
        var z = 0.0
        for i in 1...((n + 1) / 2) {
            switch i {
            case 1: z = (Double(2 * n + 1)).squareRoot() - 1.855_75 * Double.pow(Double(2 * n + 1), -0.166_67)
            case 2: z -= 1.14 * Double.pow(Double(n), 0.426) / z
            case 3: z = 1.86 * z - 0.86 * x[0]
            case 4: z = 1.91 * z - 0.91 * x[1]
            default: z = 2 * z - x[i - 3]
            }
            if n % 2 == 1 && i == (n + 1) / 2 { z = 0 }
            var derivative = 0.0
            for _ in 0..<100 {
                var p1 = piToMinusQuarter, p2 = 0.0
                for j in 1...n {
                    let p3 = p2
                    p2 = p1
                    p1 = z * (2 / Double(j)).squareRoot() * p2 - (Double(j - 1) / Double(j)).squareRoot() * p3
                }
                derivative = (2 * Double(n)).squareRoot() * p2
                let previous = z
                z = previous - p1 / derivative
                if abs(z - previous) <= 1e-15 * max(1, abs(z)) { break }
            }
            if n % 2 == 1 && i == (n + 1) / 2 { z = 0 }
            x[i - 1] = z
            x[n - i] = -z
            w[i - 1] = 2 / (derivative * derivative)
            w[n - i] = w[i - 1]
        }
        let root2 = 2.0.squareRoot(), rootPi = Double.pi.squareRoot()
        nodes = x.reversed().map { $0 * root2 }
        weights = w.reversed().map { $0 / rootPi }
    }

    /// The number of nodes.
    public var count: Int { nodes.count }
}
