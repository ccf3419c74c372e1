// SPDX-License-Identifier: Apache-2.0

import RealModule

/// Internal kernels for the regularized incomplete beta function and its inverse.
///
/// Every kernel takes `x` together with `y = 1 - x` so callers that know the
/// complement more accurately than `1 - x` (for example Student's t) can pass it.
enum IncompleteBeta {
    /// Largest number of continued-fraction terms evaluated before giving up.
    static let maxIterations = 100_000

    /// Smallest magnitude allowed in the modified Lentz recurrences.
    static let tiny = 1e-300

    /// `log B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a + b)`.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        Double.logGamma(a) + Double.logGamma(b) - Double.logGamma(a + b)
    }

    /// `(I_x(a, b), 1 − I_x(a, b))`, the smaller of which is computed directly.
    ///
    /// NaN for NaN arguments or `a, b` not finite and positive.
    static func regularized(x: Double, y: Double, a: Double, b: Double) -> (lower: Double, upper: Double) {
        guard !x.isNaN, !y.isNaN, a > 0, b > 0, a.isFinite, b.isFinite else { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        let logX = x < 0.5 ? Double.log(x) : Double.log(onePlus: -y)
        let logY = y < 0.5 ? Double.log(y) : Double.log(onePlus: -x)
        let front = Double.exp(a * logX + b * logY - logBeta(a, b))
        if x < (a + 1) / (a + b + 2) {
            let lower = front * continuedFraction(x: x, a: a, b: b) / a
            return (lower, 1 - lower)
        }
        let upper = front * continuedFraction(x: y, a: b, b: a) / b
        return (1 - upper, upper)
    }

    /// Continued fraction for `I_x(a, b)` (Numerical Recipes 3rd ed. §6.4, `betacf`),
    /// evaluated with the modified Lentz method.
    static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for step in 1...maxIterations {
            let m = Double(step), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= Double.ulpOfOne { break }
        }
        return h
    }

    /// Solves `I_x(a, b) = p` for `x`, given `p` and its complement `q = 1 − p`.
    ///
    /// Initial guess from Numerical Recipes 3rd ed. §6.14 (`invbetai`), refined by
    /// Halley steps that are kept inside a bracket `[lo, hi]` and replaced by
    /// bisection whenever they leave it.
    static func inverse(p: Double, q: Double, a: Double, b: Double) -> Double {
        guard !p.isNaN, !q.isNaN, a > 0, b > 0, a.isFinite, b.isFinite,
            p >= 0, q >= 0, p <= 1, q <= 1
        else { return .nan }
        if p == 0 { return 0 }
        if q == 0 { return 1 }
        var x = initialGuess(p: p, q: q, a: a, b: b)
        var lo = 0.0, hi = 1.0
        let logBetaAB = logBeta(a, b)
        for _ in 0..<1_000 {
            let y = 1 - x
            let (lower, upper) = regularized(x: x, y: y, a: a, b: b)
            let residual = p <= 0.5 ? lower - p : q - upper
            if residual == 0 { return x }
            if residual < 0 { lo = x } else { hi = x }
            let logDensity = (a - 1) * Double.log(x) + (b - 1) * Double.log(onePlus: -x) - logBetaAB
            let newton = residual / Double.exp(logDensity)
            let curvature = (a - 1) / x - (b - 1) / y
            var step = newton / (1 - 0.5 * min(1, newton * curvature))
            if !step.isFinite { step = newton }
            var next = x - step
            if !(next > lo && next < hi) || !next.isFinite {
                next = (lo + hi) / 2
            }
            // Converged once the step is negligible relative to the smaller of x and 1 − x,
            // so quantiles near 1 are resolved to the last ulp of x.
            if abs(next - x) <= 2 * Double.ulpOfOne * min(x, y) || next == lo || next == hi {
                return next
            }
            x = next
        }
        return x
    }

    /// Starting value for ``inverse(p:q:a:b:)``.
    static func initialGuess(p: Double, q: Double, a: Double, b: Double) -> Double {
        var x: Double
        if a >= 1 && b >= 1 {
            // Normal approximation (Abramowitz & Stegun 26.5.22); z = −Φ⁻¹(p).
            let z = p < 0.5 ? -Normal.quantile(p) : Normal.quantile(q)
            let al = (z * z - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w =
                z * (al + h).squareRoot() / h
                - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h))
            x = a / (a + b * Double.exp(2 * w))
        } else {
            let lna = Double.log(a / (a + b)), lnb = Double.log(b / (a + b))
            let t = Double.exp(a * lna) / a, u = Double.exp(b * lnb) / b
            let w = t + u
            if p < t / w {
                x = Double.pow(a * w * p, 1 / a)
            } else {
                x = 1 - Double.pow(b * w * q, 1 / b)
            }
        }
        if !(x > 0) || !x.isFinite { x = Double.leastNormalMagnitude }
        if x >= 1 { x = 1 - Double.ulpOfOne / 2 }
        return x
    }
}
