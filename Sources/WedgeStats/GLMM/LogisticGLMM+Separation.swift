// SPDX-License-Identifier: Apache-2.0

extension LogisticGLMM {
    /// A description of an indicator column that perfectly predicts the outcome, or `nil` when none does.
    ///
    /// ## Rule
    /// For a 0/1 design column `j`, if every cell with `x_j = 1` has `yᵢ = 0` (or every one has `yᵢ = nᵢ`),
    /// the log-likelihood keeps increasing as `β_j → −∞` (`+∞`) whatever the other parameters and random
    /// effects are: the maximum-likelihood estimate does not exist (quasi-complete separation; Albert &
    /// Anderson 1984, *Biometrika* 71:1–10). With an intercept column, the same holds for the cells with
    /// `x_j = 0` (move the intercept and `β_j` in opposite directions). The intercept itself is a 0/1 column
    /// whose `x = 1` cells are all cells, so "every outcome is 0" and "every outcome is 1" are special cases.
    ///
    /// This catches the separations a stepped-wedge analysis meets (no events at all, a condition or a period
    /// without events or without non-events), not every linear separation of a general design; a separation
    /// it misses shows as an optimiser that does not converge (``GLMMFit/converged`` `false`).
    static func separation(_ data: BinomialCells) -> String? {
        let p = data.design.columns
        let hasIntercept = (0..<p).contains { j in (0..<data.count).allSatisfy { data.design[$0, j] == 1 } }
        for j in 0..<p {
            let column = (0..<data.count).map { data.design[$0, j] }
            guard column.allSatisfy({ $0 == 0 || $0 == 1 }) else { continue }
            for level in hasIntercept ? [1.0, 0.0] : [1.0] {
                let rows = column.indices.filter { column[$0] == level }
                guard !rows.isEmpty, rows.count < data.count || level == 1 else { continue }
                let none = rows.allSatisfy { data.successes[$0] == 0 }
                let all = rows.allSatisfy { data.successes[$0] == data.trials[$0] }
                guard none || all else { continue }
                let outcome = none ? "0 successes" : "only successes"
                if rows.count == data.count {
                    return "every cell has \(outcome), so the log odds are infinite and the model cannot be fitted "
                        + "(separation); report the counts instead"
                }
                return "every cell with design column \(j) = \(Int(level)) has \(outcome), so coefficient \(j) is "
                    + "infinite (separation); drop or pool those cells (for example a period without events) and refit"
            }
        }
        return nil
    }
}
