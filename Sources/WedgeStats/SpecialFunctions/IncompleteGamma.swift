// SPDX-License-Identifier: Apache-2.0

import RealModule

/// Internal kernels for the regularized incomplete gamma functions and their inverse.
enum IncompleteGamma {
    /// Largest number of series or continued-fraction terms evaluated.
    static let maxIterations = 100_000

    /// Smallest magnitude allowed in the modified Lentz recurrences.
    static let tiny = 1e-300

    /// `(P(a, x), Q(a, x))`, the smaller of which is computed directly.
    ///
    /// Series for `x < a + 1`, continued fraction otherwise (Numerical Recipes
    /// 3rd ed. §6.2, `gser` and `gcf`). NaN for NaN arguments or `a` not finite and positive.
    static func regularized(a: Double, x: Double) -> (lower: Double, upper: Double) {
        guard !x.isNaN, a > 0, a.isFinite else { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if x == .infinity { return (1, 0) }
        let front = Double.exp(-x + a * Double.log(x) - Double.logGamma(a))
        if x < a + 1 {
            var term = 1 / a, sum = term, ap = a
            for _ in 0..<maxIterations {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) <= abs(sum) * Double.ulpOfOne { break }
            }
            let lower = sum * front
            return (lower, 1 - lower)
        }
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for step in 1...maxIterations {
            let i = Double(step)
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= Double.ulpOfOne { break }
        }
        let upper = front * h
        return (1 - upper, upper)
    }

    /// Solves `P(a, x) = p` for `x`, given `p` and its complement `q = 1 − p`.
    ///
    /// Wilson–Hilferty or small-shape starting value (Numerical Recipes 3rd ed.
    /// §6.2.1, `invgammp`), refined by Halley steps kept inside a bracket and
    /// replaced by bisection (or doubling, while the bracket is unbounded) when they leave it.
    static func inverse(p: Double, q: Double, a: Double) -> Double {
        guard !p.isNaN, !q.isNaN, a > 0, a.isFinite, p >= 0, q >= 0, p <= 1, q <= 1 else { return .nan }
        if p == 0 { return 0 }
        if q == 0 { return .infinity }
        var x = initialGuess(p: p, q: q, a: a)
        var lo = 0.0, hi = Double.infinity
        let logGammaA = Double.logGamma(a)
        for _ in 0..<2_000 {
            let (lower, upper) = regularized(a: a, x: x)
            let residual = p <= 0.5 ? lower - p : q - upper
            if residual == 0 { return x }
            if residual < 0 { lo = x } else { hi = x }
            let density = Double.exp(-x + (a - 1) * Double.log(x) - logGammaA)
            let newton = residual / density
            var step = newton / (1 - 0.5 * min(1, newton * ((a - 1) / x - 1)))
            if !step.isFinite { step = newton }
            var next = x - step
            if !(next > lo && next < hi) || !next.isFinite {
                next = hi.isFinite ? (lo + hi) / 2 : 2 * x
            }
            if abs(next - x) <= 4 * Double.ulpOfOne * x || next == lo || next == hi {
                return next
            }
            x = next
        }
        return x
    }

    /// Starting value for ``inverse(p:q:a:)``.
    static func initialGuess(p: Double, q: Double, a: Double) -> Double {
        var x: Double
        if a > 1 {
            let z = p < 0.5 ? Normal.quantile(p) : -Normal.quantile(q)
            let root = 1 - 1 / (9 * a) + z / (3 * a.squareRoot())
            x = max(1e-3, a * root * root * root)
        } else {
            let t = 1 - a * (0.253 + a * 0.12)
            x = p < t ? Double.pow(p / t, 1 / a) : 1 - Double.log(q / (1 - t))
        }
        if !(x > 0) || !x.isFinite { x = Double.leastNormalMagnitude }
        return x
    }
}
