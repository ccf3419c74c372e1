// SPDX-License-Identifier: Apache-2.0

extension Matrix {
    /// Replaces each off-diagonal pair of a square matrix by its mean, `(Aᵢⱼ + Aⱼᵢ)/2`: the symmetric part of a
    /// Hessian formed column by column from differences of a gradient. NaN entries stay NaN.
    mutating func symmetrize() {
        precondition(rows == columns, "only a square matrix can be symmetrized")
        for i in 0..<rows {
            for j in 0..<i {
                let mean = 0.5 * (self[i, j] + self[j, i])
                self[i, j] = mean
                self[j, i] = mean
            }
        }
    }
}
