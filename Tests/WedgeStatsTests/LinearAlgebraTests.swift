// SPDX-License-Identifier: Apache-2.0
import Foundation

import Testing
import WedgeStats

@Suite("Linear algebra")
struct LinearAlgebraTests {
    /// A symmetric positive-definite matrix with a known inverse (the 4×4 Hilbert-like matrix A = BᵀB + I).
    static let a: Matrix = {
        let b = Matrix([[1, 2, 0, 1], [0, 1, 3, 1], [2, 0, 1, 1], [1, 1, 1, 2]])
        return b.transposed * b + Matrix.identity(4)
    }()

    @Test("A·A⁻¹ = I and L·Lᵀ = A to 1e-12")
    func inverse() throws {
        let chol = try #require(Cholesky(Self.a))
        let product = Self.a * chol.inverse
        for i in 0..<4 { for j in 0..<4 { #expect(abs(product[i, j] - (i == j ? 1 : 0)) < 1e-12) } }
        let back = chol.lower * chol.lower.transposed
        for k in back.storage.indices { #expect(abs(back.storage[k] - Self.a.storage[k]) < 1e-12) }
    }

    @Test("solve and log-determinant agree with direct computation")
    func solve() throws {
        let chol = try #require(Cholesky(Matrix([[4, 2], [2, 3]])))
        let x = chol.solve([2, 1])
        #expect(abs(x[0] - 0.5) < 1e-14 && abs(x[1] - 0) < 1e-14)
        #expect(abs(chol.logDeterminant - log(8.0)) < 1e-14)
    }

    @Test("A matrix that is not positive definite has no factor")
    func notPositiveDefinite() {
        #expect(Cholesky(Matrix([[1, 2], [2, 1]])) == nil)
        #expect(Cholesky(Matrix([[0]])) == nil)
    }
}
