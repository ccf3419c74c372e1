// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// The Cholesky factorization `A = L·Lᵀ` of a symmetric positive-definite matrix, and what it solves.
///
/// Uses the lower triangle of `A` only (Golub & Van Loan, *Matrix Computations*, 4th ed., Algorithm 4.2.1).
/// Factorization fails (returns `nil`) when a pivot is not positive or not finite, that is when `A` is not
/// numerically positive definite; callers report that as a singular or non-convergent fit.
public struct Cholesky: Sendable {
    /// The lower-triangular factor `L`.
    public let lower: Matrix

    /// Factors `a`, or returns `nil` when it is not positive definite.
    public init?(_ a: Matrix) {
        precondition(a.rows == a.columns, "Cholesky needs a square matrix")
        let n = a.rows
        var l = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var d = a[j, j]
            for k in 0..<j { d -= l[j, k] * l[j, k] }
            guard d > 0, d.isFinite else { return nil }
            let ljj = d.squareRoot()
            l[j, j] = ljj
            for i in (j + 1)..<max(j + 1, n) {
                var s = a[i, j]
                for k in 0..<j { s -= l[i, k] * l[j, k] }
                l[i, j] = s / ljj
            }
        }
        lower = l
    }

    /// Solves `A·x = b`.
    public func solve(_ b: [Double]) -> [Double] {
        let n = lower.rows
        precondition(b.count == n, "dimension mismatch")
        var y = b
        for i in 0..<n {
            var s = y[i]
            for k in 0..<i { s -= lower[i, k] * y[k] }
            y[i] = s / lower[i, i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<max(i + 1, n) { s -= lower[k, i] * y[k] }
            y[i] = s / lower[i, i]
        }
        return y
    }

    /// `A⁻¹`, column by column.
    public var inverse: Matrix {
        let n = lower.rows
        var inv = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var e = Array(repeating: 0.0, count: n)
            e[j] = 1
            let x = solve(e)
            for i in 0..<n { inv[i, j] = x[i] }
        }
        return inv
    }

    /// `log det A = 2 Σ log L_ii`.
    public var logDeterminant: Double {
        (0..<lower.rows).reduce(0) { $0 + 2 * log(lower[$1, $1]) }
    }
}
