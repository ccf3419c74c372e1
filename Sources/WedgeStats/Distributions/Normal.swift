// SPDX-License-Identifier: Apache-2.0

import RealModule

/// The standard normal distribution N(0, 1).
///
/// A namespace: use ``cdf(_:)``, ``complementaryCDF(_:)``, ``quantile(_:)`` and
/// ``complementaryQuantile(_:)``. For N(μ, σ²) standardize first, `z = (x − μ) / σ`.
///
/// ## Mathematical properties
/// - `cdf(x) = Φ(x) = ½·erfc(−x/√2)`; `complementaryCDF(x) = 1 − Φ(x) = ½·erfc(x/√2)`.
///   Both are computed from `erfc` directly, so each is accurate to about 1e-13
///   relative even deep in its own small tail (down to the subnormal range near x = ±37.5).
/// - `quantile(p) = Φ⁻¹(p)`, Wichura's algorithm AS 241 (PPND16), about 1e-16 relative.
///
/// References: M. J. Wichura (1988), "Algorithm AS 241: The percentage points of the
/// normal distribution", *Applied Statistics* 37(3), 477–484.
public enum Normal {
    /// The standard normal distribution function Φ(x) = P(Z ≤ x).
    ///
    /// Formula: `½·erfc(−x/√2)`. Edge cases: `−∞ → 0`, `+∞ → 1`, NaN → NaN.
    /// - Parameter x: The point at which to evaluate.
    /// - Returns: Φ(x) in [0, 1].
    public static func cdf(_ x: Double) -> Double {
        0.5 * Double.erfc(-x * 0.707_106_781_186_547_524_40)
    }

    /// The upper tail 1 − Φ(x) = P(Z > x), accurate when it is tiny.
    ///
    /// Formula: `½·erfc(x/√2)`; avoids the cancellation of `1 − cdf(x)` for large x
    /// (for example `complementaryCDF(30) ≈ 4.9e-198`). Edge cases: `−∞ → 1`, `+∞ → 0`, NaN → NaN.
    /// - Parameter x: The point at which to evaluate.
    /// - Returns: 1 − Φ(x) in [0, 1].
    public static func complementaryCDF(_ x: Double) -> Double {
        0.5 * Double.erfc(x * 0.707_106_781_186_547_524_40)
    }

    /// The quantile function Φ⁻¹(p) (Wichura's AS 241, PPND16).
    ///
    /// Rational approximations in three regions of `q = p − ½`: `|q| ≤ 0.425`,
    /// then `r = √(−log min(p, 1 − p))` in `r ≤ 5` and `r > 5`. Relative accuracy about 1e-16.
    /// Edge cases: `p = 0 → −∞`, `p = 1 → +∞`, `p` outside [0, 1] or NaN → NaN.
    /// For upper-tail probabilities near 0 prefer ``complementaryQuantile(_:)``, because
    /// `1 − q` loses the digits of a tiny `q`.
    /// - Parameter p: A probability.
    /// - Returns: The `x` with Φ(x) = p.
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num =
                (((((((2.509_080_928_730_122_672_7e3 * r + 3.343_057_558_358_812_810_5e4) * r
                    + 6.726_577_092_700_870_085_3e4) * r + 4.592_195_393_154_987_145_7e4) * r
                    + 1.373_169_376_550_946_112_5e4) * r + 1.971_590_950_306_551_442_7e3) * r
                    + 1.331_416_678_917_843_774_5e2) * r + 3.387_132_872_796_366_608_0)
            let den =
                (((((((5.226_495_278_852_854_561_0e3 * r + 2.872_908_573_572_194_267_4e4) * r
                    + 3.930_789_580_009_271_061_0e4) * r + 2.121_379_430_158_659_586_7e4) * r
                    + 5.394_196_021_424_751_107_7e3) * r + 6.871_870_074_920_579_083_0e2) * r
                    + 4.231_333_070_160_091_125_2e1) * r + 1)
            return q * num / den
        }
        var r = (q < 0 ? p : 1 - p)
        r = (-Double.log(r)).squareRoot()
        return q < 0 ? -tail(r) : tail(r)
    }

    /// The upper-tail quantile: the `x` with 1 − Φ(x) = q, accurate for tiny `q`.
    ///
    /// Formula: `−Φ⁻¹(q)` by symmetry. Edge cases as for ``quantile(_:)`` with the signs swapped.
    /// - Parameter q: An upper-tail probability.
    /// - Returns: The `x` with P(Z > x) = q.
    public static func complementaryQuantile(_ q: Double) -> Double {
        -quantile(q)
    }

    /// AS 241 tail regions, as a function of `r = √(−log p)` for the smaller tail `p`.
    static func tail(_ r: Double) -> Double {
        if r <= 5 {
            let s = r - 1.6
            let num =
                (((((((7.745_450_142_783_414_076_40e-4 * s + 2.272_384_498_926_918_458_33e-2) * s
                    + 2.417_807_251_774_506_117_70e-1) * s + 1.270_458_252_452_368_382_58) * s
                    + 3.647_848_324_763_204_605_04) * s + 5.769_497_221_460_691_405_50) * s
                    + 4.630_337_846_156_545_295_90) * s + 1.423_437_110_749_683_577_34)
            let den =
                (((((((1.050_750_071_644_416_843_24e-9 * s + 5.475_938_084_995_344_946_00e-4) * s
                    + 1.519_866_656_361_645_719_66e-2) * s + 1.481_039_764_274_800_745_90e-1) * s
                    + 6.897_673_349_851_000_045_50e-1) * s + 1.676_384_830_183_803_849_40) * s
                    + 2.053_191_626_637_758_821_87) * s + 1)
            return num / den
        }
        let s = r - 5
        let num =
            (((((((2.010_334_399_292_288_132_65e-7 * s + 2.711_555_568_743_487_578_15e-5) * s
                + 1.242_660_947_388_078_438_60e-3) * s + 2.653_218_952_657_612_309_30e-2) * s
                + 2.965_605_718_285_048_912_30e-1) * s + 1.784_826_539_917_291_335_80) * s
                + 5.463_784_911_164_114_369_90) * s + 6.657_904_643_501_103_777_20)
        let den =
            (((((((2.044_263_103_389_939_785_64e-15 * s + 1.421_511_758_316_445_888_70e-7) * s
                + 1.846_318_317_510_054_681_80e-5) * s + 7.868_691_311_456_132_591_00e-4) * s
                + 1.487_536_129_085_061_485_25e-2) * s + 1.369_298_809_227_358_053_10e-1) * s
                + 5.998_322_065_558_879_376_90e-1) * s + 1)
        return num / den
    }
}
