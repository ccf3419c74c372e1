// SPDX-License-Identifier: Apache-2.0

extension KaplanMeier {
    /// The median survival time with its confidence interval, exactly as `print.survfit` reports
    /// `median`, `0.95LCL` and `0.95UCL`.
    ///
    /// ## Rule (survival's `survmean`, Therneau & Grambsch 2000, §2.1)
    /// Let `ε = √(machine ε) ≈ 1.49e-8`. For a step curve `y` over the observed times `t`:
    /// - keep the times where `y < ½ + ε` (NaN limits are ignored);
    /// - none kept: not reached, NaN;
    /// - if the first kept value is `½` to within `ε` (the curve lies exactly at ½ on a flat stretch)
    ///   and the curve later drops below it, the midpoint of that stretch, `(t_first + t_drop)/2`;
    /// - otherwise the first kept time.
    ///
    /// The median applies this to `Ŝ`; the lower confidence limit applies it to the lower pointwise
    /// band (which reaches ½ first) and the upper limit to the upper band (Brookmeyer & Crowley 1982,
    /// inverting the pointwise intervals on this curve's ``confidenceType``). So the interval depends on
    /// ``confidenceType``, as R's does.
    ///
    /// NaN marks "not reached" (R's `NA`), for example an upper limit when the lower band never
    /// falls to ½ within follow-up.
    ///
    /// Reference: R. Brookmeyer & J. Crowley (1982), "A confidence interval for the median survival
    /// time", *Biometrics* 38, 29–41.
    public var median: IntervalEstimate {
        IntervalEstimate(
            estimate: Self.firstBelowHalf(survival, times), lower: Self.firstBelowHalf(lower, times),
            upper: Self.firstBelowHalf(upper, times), confidenceLevel: confidenceLevel)
    }

    /// survival's `minmin(y, x)`: the first `x` where `y ≤ ½` (to `√ε`), midpoint on an exact-½ stretch.
    static func firstBelowHalf(_ y: [Double], _ x: [Double]) -> Double {
        let tolerance = Double.ulpOfOne.squareRoot()
        let kept = y.indices.filter { !y[$0].isNaN && y[$0] < 0.5 + tolerance }
        guard let first = kept.first else { return .nan }
        if abs(y[first] - 0.5) < tolerance, let drop = kept.first(where: { y[$0] < y[first] }) {
            return (x[first] + x[drop]) / 2
        }
        return x[first]
    }
}
