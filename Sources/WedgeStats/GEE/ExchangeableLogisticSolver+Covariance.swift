// SPDX-License-Identifier: Apache-2.0

extension ExchangeableLogisticSolver {
    /// The four covariance estimates at `(β, α, φ)`, or `nil` when `B` is not positive definite.
    ///
    /// With `φ = 1` in `Vᵢ` (the sandwiches do not depend on `φ`) and `B = LL'`:
    /// - naive `φB⁻¹`;
    /// - robust `Σ (B⁻¹uᵢ)(B⁻¹uᵢ)'`;
    /// - Kauermann–Carroll `Σ vᵢvᵢ'` with `vᵢ = L⁻ᵀ (I − Kᵢ)^{-1/2} L⁻¹uᵢ`, `Kᵢ = L⁻¹BᵢL⁻ᵀ`, because
    ///   `Dᵢ'Vᵢ⁻¹ f(Hᵢ) = f(BᵢB⁻¹) Dᵢ'Vᵢ⁻¹` and `BᵢB⁻¹ = L Kᵢ L⁻¹` (a similarity, so the principal root
    ///   carries over);
    /// - Mancl–DeRouen `Σ (B − Bᵢ)⁻¹uᵢuᵢ'(B − Bᵢ)⁻¹`, since `(I − BᵢB⁻¹)⁻¹ = B(B − Bᵢ)⁻¹`.
    /// A bias-corrected matrix is all NaN when some `B − Bᵢ` is singular.
    func covariances(beta: [Double], alpha: Double, scale: Double)
        -> (naive: Matrix, robust: Matrix, kauermannCarroll: Matrix, manclDeRouen: Matrix)?
    {
        let p = parameterCount
        let terms = data.clusters.indices.map { clusterTerms($0, beta: beta, alpha: alpha) }
        var b = Matrix(rows: p, columns: p)
        for t in terms { b = b + t.b }
        guard let chol = Cholesky(b) else { return nil }
        let l = chol.lower
        var robust = Matrix(rows: p, columns: p)
        var kc = Matrix(rows: p, columns: p)
        var md = Matrix(rows: p, columns: p)
        var kcValid = true
        var mdValid = true
        for t in terms {
            addOuterProduct(chol.solve(t.u), to: &robust)
            // Kauermann–Carroll
            var k = Matrix(rows: p, columns: p)
            for col in 0..<p {
                let column = Self.forwardSolve(l, (0..<p).map { t.b[$0, col] })  // L⁻¹Bᵢ
                for row in 0..<p { k[col, row] = column[row] }  // (L⁻¹Bᵢ)' = BᵢL⁻ᵀ
            }
            for col in 0..<p {
                let column = Self.forwardSolve(l, (0..<p).map { k[$0, col] })
                for row in 0..<p { k[row, col] = column[row] }
            }
            let eigen = SymmetricEigen(k)
            if eigen.values.allSatisfy({ $0 < 1 }) {
                let w = Self.forwardSolve(l, t.u)
                var corrected = Array(repeating: 0.0, count: p)
                for m in 0..<p {
                    var proj = 0.0
                    for r in 0..<p { proj += eigen.vectors[r, m] * w[r] }
                    proj /= (1 - eigen.values[m]).squareRoot()
                    for r in 0..<p { corrected[r] += eigen.vectors[r, m] * proj }
                }
                addOuterProduct(Self.backSolveTransposed(l, corrected), to: &kc)
            } else {
                kcValid = false
            }
            // Mancl–DeRouen
            var leaveOut = b
            for e in leaveOut.storage.indices { leaveOut.storage[e] -= t.b.storage[e] }
            if let cholOut = Cholesky(leaveOut) {
                addOuterProduct(cholOut.solve(t.u), to: &md)
            } else {
                mdValid = false
            }
        }
        if !kcValid { kc.storage = kc.storage.map { _ in .nan } }
        if !mdValid { md.storage = md.storage.map { _ in .nan } }
        return (chol.inverse * scale, robust, kc, md)
    }

    /// `m += v v'`.
    private func addOuterProduct(_ v: [Double], to m: inout Matrix) {
        for i in v.indices { for j in v.indices { m[i, j] += v[i] * v[j] } }
    }

    /// Solves `L x = b` for lower-triangular `L`.
    static func forwardSolve(_ l: Matrix, _ b: [Double]) -> [Double] {
        var x = b
        for i in 0..<l.rows {
            var s = x[i]
            for k in 0..<i { s -= l[i, k] * x[k] }
            x[i] = s / l[i, i]
        }
        return x
    }

    /// Solves `L' x = b` for lower-triangular `L`.
    static func backSolveTransposed(_ l: Matrix, _ b: [Double]) -> [Double] {
        var x = b
        for i in stride(from: l.rows - 1, through: 0, by: -1) {
            var s = x[i]
            for k in (i + 1)..<max(i + 1, l.rows) { s -= l[k, i] * x[k] }
            x[i] = s / l[i, i]
        }
        return x
    }
}
