// SPDX-License-Identifier: Apache-2.0

/// Neumaier's compensated (improved Kahan–Babuška) summation.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    /// Adds `x`.
    mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    /// The sum so far.
    var value: Double { sum + compensation }
}
