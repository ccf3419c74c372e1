// SPDX-License-Identifier: Apache-2.0

import RealModule

extension GLMMObjective {
    /// Quantities conditional on the random effects at their modes, for the reporting of a fit.
    struct Conditional {
        /// `Σᵢ` squared deviance residuals at the conditional modes (lme4's `deviance()` for a GLMM).
        var devianceResidualSum: Double
        /// The PIRLS information for β given θ: `XᵀWX − Σ_c θ² v_c v_cᵀ / L_c²`, `v_c = Σ_{i∈c} wᵢxᵢ`.
        var information: Matrix
        /// The conditional modes on the original scale, `b_c = θ·â_c`.
        var clusterEffects: [Double]
    }

    /// Evaluates the modes at `phi` and returns the conditional summaries.
    func conditional(_ phi: [Double]) -> Conditional {
        _ = value(phi)
        let p = coefficientCount
        let theta = phi[0]
        var info = Matrix(rows: p, columns: p)
        var v = Array(repeating: 0.0, count: p)
        var kernel = 0.0
        var effects = Array(repeating: 0.0, count: clusterCount)
        let (y, n, x, start, fixedOffset) = rawData
        for c in 0..<clusterCount {
            let a = modes[c]
            effects[c] = theta * a
            for j in 0..<p { v[j] = 0 }
            var sumW = 0.0
            for i in start[c]..<start[c + 1] {
                var eta = fixedOffset[i] + theta * a
                for j in 0..<p { eta += x[i * p + j] * phi[1 + j] }
                let e = Double.exp(-abs(eta))
                let q = 1 / (1 + e)
                let w = n[i] * e * q * q
                kernel += 2 * (n[i] * (max(eta, 0) + Double.log(onePlus: e)) - y[i] * eta)
                sumW += w
                for j in 0..<p {
                    let wxj = w * x[i * p + j]
                    v[j] += wxj
                    for k in 0...j { info[j, k] += wxj * x[i * p + k] }
                }
            }
            let l2 = 1 + theta * theta * sumW
            for j in 0..<p { for k in 0...j { info[j, k] -= theta * theta * v[j] * v[k] / l2 } }
        }
        for j in 0..<p { for k in 0..<j { info[k, j] = info[j, k] } }
        return Conditional(
            devianceResidualSum: kernel + 2 * saturatedKernel, information: info, clusterEffects: effects)
    }
}
