// SPDX-License-Identifier: Apache-2.0

import RealModule

/// Deterministic random variates drawn from a caller-supplied generator.
///
/// Every function takes `inout some RandomNumberGenerator` and uses only its `next()`
/// (a `UInt64`), through the exact rules documented on each function, so a seeded
/// generator reproduces the same variates on every platform and Swift version. None of
/// them calls the standard library's `random(in:using:)`, whose algorithm is not specified.
///
/// | Function | `next()` calls |
/// |---|---|
/// | ``uniform(using:)`` | exactly 1 |
/// | ``standardNormal(using:)``, ``normal(mean:standardDeviation:using:)`` | exactly 1 |
/// | ``bernoulli(_:using:)`` | exactly 1 |
/// | ``exponential(rate:using:)`` | exactly 1 |
/// | ``poisson(mean:using:)`` | exactly `max(1, ⌈mean/30⌉)`, 0 when `mean = 0` |
/// | ``integer(in:using:)`` | 1 plus the number of rejections (expected < 2 in all) |
///
/// Reference for the uniform mapping and the integer rule: D. Lemire (2019), "Fast random
/// integer generation in an interval", *ACM TOMACS* 29(1), article 3.
public enum Sampling {
    /// A uniform `Double` in [0, 1) from the top 53 bits of one word.
    ///
    /// Exactly `Double(generator.next() >> 11) * 0x1p-53`: every multiple of 2⁻⁵³ in
    /// [0, 1 − 2⁻⁵³] is equally likely; 0 is possible, 1 is not. One `next()` call.
    /// - Parameter generator: The source of randomness.
    /// - Returns: A uniform variate in [0, 1).
    public static func uniform(using generator: inout some RandomNumberGenerator) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    /// A standard normal variate by inversion of one open-interval uniform.
    ///
    /// Exactly `Normal.quantile((Double(generator.next() >> 12) + 0.5) * 0x1p-52)`.
    /// The top 52 bits `k` give the midpoint `(k + ½)/2⁵²`, which is exactly representable,
    /// lies in (0, 1) and is symmetric about ½, so the result is finite and
    /// `|z| ≤ Φ⁻¹(1 − 2⁻⁵³) ≈ 8.21`; the truncated tail mass is about 2e-16.
    /// (53 bits would not do: `(2⁵³ − 1 + ½)·2⁻⁵³` rounds to 1 and would give +∞.)
    /// One `next()` call.
    /// - Parameter generator: The source of randomness.
    /// - Returns: A draw from N(0, 1).
    public static func standardNormal(using generator: inout some RandomNumberGenerator) -> Double {
        Normal.quantile((Double(generator.next() >> 12) + 0.5) * 0x1p-52)
    }

    /// A normal variate `mean + standardDeviation · Z` with `Z` from ``standardNormal(using:)``.
    ///
    /// One `next()` call. NaN parameters propagate to the result.
    /// - Parameters:
    ///   - mean: The mean μ.
    ///   - standardDeviation: The standard deviation σ ≥ 0.
    ///   - generator: The source of randomness.
    /// - Returns: A draw from N(μ, σ²).
    public static func normal(
        mean: Double, standardDeviation: Double, using generator: inout some RandomNumberGenerator
    ) -> Double {
        mean + standardDeviation * standardNormal(using: &generator)
    }

    /// A Bernoulli(p) variate: exactly `uniform(using:) < p`.
    ///
    /// One `next()` call, even when `p ≤ 0` (always `false`) or `p ≥ 1` (always `true`),
    /// so the stream position never depends on `p`. NaN `p` gives `false`.
    /// - Parameters:
    ///   - p: The success probability.
    ///   - generator: The source of randomness.
    /// - Returns: `true` with probability `p`.
    public static func bernoulli(_ p: Double, using generator: inout some RandomNumberGenerator) -> Bool {
        uniform(using: &generator) < p
    }

    /// An exponential variate with the given rate, by inversion: exactly `−log1p(−u)/rate`.
    ///
    /// `u` is ``uniform(using:)``, so the result is finite and ≥ 0 (0 when `u = 0`).
    /// Mean `1/rate`. `rate ≤ 0` or NaN gives NaN, `−∞`, or `+∞` per IEEE arithmetic.
    /// One `next()` call.
    /// - Parameters:
    ///   - rate: The rate λ > 0.
    ///   - generator: The source of randomness.
    /// - Returns: A draw from Exp(λ).
    public static func exponential(rate: Double, using generator: inout some RandomNumberGenerator) -> Double {
        -Double.log(onePlus: -uniform(using: &generator)) / rate
    }

    /// A uniform integer in a closed range, by Lemire's multiply-and-reject method.
    ///
    /// Let `s = upperBound − lowerBound + 1` as a `UInt64` (s = 0 stands for 2⁶⁴).
    /// If `s = 0` return `lowerBound &+ Int(bitPattern: next())`. Otherwise draw `x = next()`,
    /// form the 128-bit product `m = x · s`; if `low(m) < (2⁶⁴ − s) mod s` reject and draw
    /// again, else return `lowerBound + high(m)`. Exactly unbiased; the rejection chance
    /// is below `s/2⁶⁴` per draw. A single-value range still makes one `next()` call.
    /// - Parameters:
    ///   - range: The closed range to draw from.
    ///   - generator: The source of randomness.
    /// - Returns: Each value of `range` with equal probability.
    public static func integer(
        in range: ClosedRange<Int>, using generator: inout some RandomNumberGenerator
    ) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return range.lowerBound &+ Int(truncatingIfNeeded: generator.next()) }
        let threshold = (0 &- span) % span
        while true {
            let product = generator.next().multipliedFullWidth(by: span)
            if product.low >= threshold {
                return range.lowerBound &+ Int(truncatingIfNeeded: product.high)
            }
        }
    }
}
