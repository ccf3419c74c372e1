// SPDX-License-Identifier: Apache-2.0

import RealModule

/// The GLS variance of a treatment effect in the linear mixed model on cluster-period means.
///
/// For cluster `i` the observed cell means `ȳ_i` (cells with `m_ij > 0`) have mean `Z_i·β` with
/// `Z_i = [period indicators | X_i]` and covariance
///
///     V_i = diag(σ²_ij / m_ij) + τ²·R + γ²·I,   R_jk = r^|j−k|   (r = 1: R = J, all ones)
///
/// and `Var(θ̂) = [(Σ_i Z_iᵀ V_i⁻¹ Z_i)⁻¹]_θθ`. Periods with no observed cell in any cluster carry no
/// fixed effect. `V_i` and the period block of the information are factored by Cholesky, and `Var(θ̂)` is
/// the reciprocal of the Schur complement of `θ`. When a factor fails, or the complement is below
/// 1e-10 of the θθ information (`θ` confounded with period), the variance is NaN.
enum ClusterPeriodGLS {
    /// `Var(θ̂)`; `cellVariance(i, j)` is the individual-level variance `σ²_ij` of cell `(i, j)`.
    static func effectVariance(
        treatment: [[Double]], sizes: [[Int]], tau2: Double, gamma2: Double, decay: Double,
        cellVariance: (Int, Int) -> Double
    ) -> Double {
        let periods = treatment.first?.count ?? 0
        // Map observed periods to fixed-effect columns; θ is the last column.
        var column = Array(repeating: -1, count: periods)
        var next = 0
        for j in 0..<periods where sizes.contains(where: { $0[j] > 0 }) {
            column[j] = next
            next += 1
        }
        let p = next + 1
        var information = Matrix(rows: p, columns: p)
        for i in treatment.indices {
            let observed = (0..<periods).filter { sizes[i][$0] > 0 }
            let k = observed.count
            if k == 0 { continue }
            var v = Matrix(rows: k, columns: k)
            for a in 0..<k {
                for b in 0..<k {
                    let lag = abs(observed[a] - observed[b])
                    v[a, b] = tau2 * (decay == 1 ? 1 : Double.pow(decay, lag))
                }
                let j = observed[a]
                v[a, a] += gamma2 + cellVariance(i, j) / Double(sizes[i][j])
            }
            guard let factor = Cholesky(v) else { return .nan }
            // Columns of Z_i: the indicator of each observed period, then X_i.
            let xi = observed.map { treatment[i][$0] }
            let vInvX = factor.solve(xi)
            // Zᵀ V⁻¹ Z, using that the period columns are unit vectors e_a.
            for a in 0..<k {
                var unit = Array(repeating: 0.0, count: k)
                unit[a] = 1
                let vInvE = factor.solve(unit)
                let ca = column[observed[a]]
                for b in 0..<k { information[ca, column[observed[b]]] += vInvE[b] }
                information[ca, p - 1] += vInvX[a]
                information[p - 1, ca] += vInvX[a]
            }
            for a in 0..<k { information[p - 1, p - 1] += xi[a] * vInvX[a] }
        }
        // Var(θ̂) = 1 / (I_θθ − bᵀ A⁻¹ b), the Schur complement of the period block A.
        let q = p - 1
        var periodBlock = Matrix(rows: q, columns: q)
        for a in 0..<q { for b in 0..<q { periodBlock[a, b] = information[a, b] } }
        let cross = (0..<q).map { information[$0, q] }
        guard let factor = Cholesky(periodBlock) else { return .nan }
        let solved = factor.solve(cross)
        var explained = 0.0
        for a in 0..<q { explained += cross[a] * solved[a] }
        let schur = information[q, q] - explained
        // θ is not estimable when nothing is left after the period effects (exactly 0 up to rounding).
        guard schur > estimabilityTolerance * information[q, q] else { return .nan }
        return 1 / schur
    }

    /// The relative size below which the Schur complement counts as 0 (θ confounded with period).
    static let estimabilityTolerance = 1e-10
}
