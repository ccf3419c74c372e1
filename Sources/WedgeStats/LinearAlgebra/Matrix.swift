// SPDX-License-Identifier: Apache-2.0

/// A dense real matrix, row-major, for the small systems of model fitting (a few dozen parameters).
///
/// Storage is one contiguous array, `storage[i * columns + j]`. Operations never throw; dimension mismatches are
/// programmer errors and trap.
public struct Matrix: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The entries, row by row.
    public var storage: [Double]

    /// A matrix of zeros.
    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: 0, count: rows * columns)
    }

    /// A matrix from its rows; every row must have the same length.
    public init(_ rowArrays: [[Double]]) {
        let width = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == width }, "ragged rows")
        rows = rowArrays.count
        columns = width
        storage = rowArrays.flatMap { $0 }
    }

    /// The identity matrix of order `n`.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// The entry in row `i`, column `j`.
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { storage[i * columns + j] }
        set { storage[i * columns + j] = newValue }
    }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    /// The diagonal entries.
    public var diagonal: [Double] { (0..<min(rows, columns)).map { self[$0, $0] } }

    /// The matrix product `lhs · rhs`.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows, "dimension mismatch")
        var out = Matrix(rows: lhs.rows, columns: rhs.columns)
        for i in 0..<lhs.rows {
            for k in 0..<lhs.columns {
                let a = lhs[i, k]
                if a == 0 { continue }
                for j in 0..<rhs.columns { out[i, j] += a * rhs[k, j] }
            }
        }
        return out
    }

    /// The matrix–vector product `lhs · v`.
    public static func * (lhs: Matrix, v: [Double]) -> [Double] {
        precondition(lhs.columns == v.count, "dimension mismatch")
        return (0..<lhs.rows).map { i in
            var s = 0.0
            for j in 0..<lhs.columns { s += lhs[i, j] * v[j] }
            return s
        }
    }

    /// The sum of two matrices of the same shape.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "dimension mismatch")
        var out = lhs
        for k in out.storage.indices { out.storage[k] += rhs.storage[k] }
        return out
    }

    /// The matrix times a scalar.
    public static func * (lhs: Matrix, rhs: Double) -> Matrix {
        var out = lhs
        for k in out.storage.indices { out.storage[k] *= rhs }
        return out
    }
}
