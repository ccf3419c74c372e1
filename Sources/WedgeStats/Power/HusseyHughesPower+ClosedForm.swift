// SPDX-License-Identifier: Apache-2.0

extension HusseyHughesPower {
    /// The Hussey & Hughes (2007) closed-form `Var(θ̂)` for equal cell sizes and a random intercept only.
    ///
    /// With `n` clusters, `T` periods, `U = Σ_ij X_ij`, `W = Σ_j (Σ_i X_ij)²`, `V = Σ_i (Σ_j X_ij)²`
    /// and `s² = σ²/m` the variance of a cell mean (Hussey & Hughes 2007, eq. 8):
    ///
    ///     Var(θ̂) = n·s²·(s² + T·τ²) / [ (n·U − W)·s² + (U² + n·T·U − T·W − n·V)·τ² ]
    ///
    /// It equals the GLS variance of ``compute(_:)`` whenever every cell has the same `m`, `γ² = 0` (`CAC = 1`),
    /// there is no decay and no period effects, for any 0/1 design (staircase or not). It needs binary `X_ij`:
    /// the derivation uses `X_ij² = X_ij`, so with fractional exposure it does not hold (the GLS does).
    /// (The "Excel" variant quoted
    /// in a comment of swCRTdesign's source has `I·W` where `n·V` belongs; this uses the published form.)
    ///
    /// - Parameters:
    ///   - treatment: `X[cluster][period]` with entries 0 or 1, no unobserved cells.
    ///   - cellMeanVariance: `s² = σ²/m`.
    ///   - clusterVariance: `τ²`.
    /// - Returns: `Var(θ̂)`; NaN or ±∞ when the denominator is 0 (no treatment contrast).
    public static func closedFormVariance(
        treatment: [[Double]], cellMeanVariance s2: Double, clusterVariance tau2: Double
    )
        -> Double
    {
        let n = Double(treatment.count)
        let t = Double(treatment.first?.count ?? 0)
        let u = treatment.reduce(0) { $0 + $1.reduce(0, +) }
        let periods = treatment.first?.count ?? 0
        let w = (0..<periods).reduce(0.0) { acc, j in
            let column = treatment.reduce(0) { $0 + $1[j] }
            return acc + column * column
        }
        let v = treatment.reduce(0.0) { acc, row in
            let sum = row.reduce(0, +)
            return acc + sum * sum
        }
        let numerator = n * s2 * (s2 + t * tau2)
        let denominator = (n * u - w) * s2 + (u * u + n * t * u - t * w - n * v) * tau2
        return numerator / denominator
    }

    /// The closed-form variance for `input`, or `nil` when the closed form does not apply.
    ///
    /// Applies when every `X_ij` is 0 or 1, every cell has the same `m > 0`, the correlation is ``ClusterCorrelation/husseyHughes``
    /// (or decay with `r = 1`) and there are no period effects; then `s² = σ²/m` and
    /// `τ² = ICC·σ²/(1 − ICC)`.
    ///
    /// - Parameter input: The design.
    /// - Returns: `Var(θ̂)` from the closed form, or `nil`.
    public static func closedFormVariance(_ input: PowerInput) -> Double? {
        guard let m = input.clusterPeriodSizes.first?.first, m > 0,
            input.clusterPeriodSizes.allSatisfy({ $0.allSatisfy { $0 == m } }),
            input.periodEffects == nil,
            input.treatment.allSatisfy({ $0.allSatisfy { $0 == 0 || $0 == 1 } })
        else { return nil }
        let sigma2 = input.pooledVariance
        let components = input.correlation.components(totalClusterVariance: sigma2 * input.icc / (1 - input.icc))
        guard components.gamma2 == 0, components.decay == 1 else { return nil }
        return closedFormVariance(
            treatment: input.treatment, cellMeanVariance: sigma2 / Double(m), clusterVariance: components.tau2)
    }
}
