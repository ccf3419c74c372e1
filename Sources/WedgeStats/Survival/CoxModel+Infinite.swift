// SPDX-License-Identifier: Apache-2.0

extension CoxModel {
    /// coxph's check for coefficients that may be infinite, from the Newton step still pending at `β̂`.
    ///
    /// With `s = |I(β̂)⁻¹ U(β̂)|` (the step the next iteration would take), coefficient `j` is flagged when
    /// `sⱼ > ε` and `sⱼ > √ε·|β̂ⱼ|`, with `ε` the convergence tolerance: survival's `coxph.fit` test behind its
    /// warning "Loglik converged before variable j; coefficient may be infinite" (`toler.inf = √eps`).
    /// Under separation (for example a condition in which nobody drops out) the log partial likelihood
    /// flattens as `|βⱼ| → ∞`, so the iteration stops on the likelihood while the step stays of order 1.
    /// Only converged fits are checked (a fit that ran out of iterations is flagged by `isConverged`).
    static func mayBeInfinite(
        beta: [Double], variance: Matrix, score: [Double], tolerance: Double
    ) -> [Bool] {
        let step = variance * score
        let relative = tolerance.squareRoot()
        return beta.indices.map { j in
            let s = abs(step[j])
            return s.isFinite && s > tolerance && s > relative * abs(beta[j])
        }
    }
}
