// SPDX-License-Identifier: Apache-2.0

/// The eigen-decomposition `A = U Λ U'` of a small real symmetric matrix by cyclic Jacobi rotations.
///
/// Golub & Van Loan, *Matrix Computations*, 4th ed., Algorithm 8.5.3. Accurate to a few ulps of
/// `‖A‖` for the `p × p` matrices (p ≲ 50) of a regression; cost `O(p³)` per sweep, a handful of
/// sweeps. Non-finite input gives NaN eigenvalues.
struct SymmetricEigen {
    /// The eigenvalues `Λ`, unsorted.
    let values: [Double]
    /// The orthonormal eigenvectors, column `k` for `values[k]`.
    let vectors: Matrix

    /// Decomposes the symmetric part of `a`.
    init(_ a: Matrix) {
        precondition(a.rows == a.columns, "square matrix required")
        let n = a.rows
        var m = a
        for i in 0..<n {
            for j in 0..<i {
                let s = (m[i, j] + m[j, i]) / 2
                m[i, j] = s
                m[j, i] = s
            }
        }
        var v = Matrix.identity(n)
        guard m.storage.allSatisfy(\.isFinite) else {
            values = Array(repeating: .nan, count: n)
            vectors = v
            return
        }
        let norm = m.storage.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for _ in 0..<60 {
            var off = 0.0
            for i in 0..<n { for j in 0..<i { off += m[i, j] * m[i, j] } }
            if off.squareRoot() <= 1e-17 * norm { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where m[p, q] != 0 {
                    let theta = (m[q, q] - m[p, p]) / (2 * m[p, q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let mkp = m[k, p]
                        let mkq = m[k, q]
                        m[k, p] = c * mkp - s * mkq
                        m[k, q] = s * mkp + c * mkq
                    }
                    for k in 0..<n {
                        let mpk = m[p, k]
                        let mqk = m[q, k]
                        m[p, k] = c * mpk - s * mqk
                        m[q, k] = s * mpk + c * mqk
                    }
                    m[p, q] = 0
                    m[q, p] = 0
                    for k in 0..<n {
                        let vkp = v[k, p]
                        let vkq = v[k, q]
                        v[k, p] = c * vkp - s * vkq
                        v[k, q] = s * vkp + c * vkq
                    }
                }
            }
        }
        values = m.diagonal
        vectors = v
    }
}
