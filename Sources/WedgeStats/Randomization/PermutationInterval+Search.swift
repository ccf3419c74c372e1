// SPDX-License-Identifier: Apache-2.0

extension PermutationInterval {
    /// Inverts a p-value function: the generic search behind the GLMM and NPWP intervals.
    ///
    /// - Parameters:
    ///   - estimate: The point estimate, where `p` is taken to exceed `α`.
    ///   - step: The first step `h > 0` outward (for example a standard error).
    ///   - level: The confidence level `1 − α`, in (0, 1). Default 0.95.
    ///   - tolerance: Bisection stops when the bracket is narrower than this; default `10⁻³·h`.
    ///   - maxExpansions: Steps `h, 2h, …, 2^(k−1)h` tried before a side is declared unbounded. Default 12.
    ///   - pValue: `p(θ₀)`; a thrown error counts as a rejection and in ``failedEvaluations``.
    /// - Returns: The interval.
    /// - Throws: ``RandomizationError/invalidOption(name:value:)`` for a non-finite estimate, a step
    ///   that is not positive and finite, or a level outside (0, 1).
    public static func invert(
        estimate: Double, step: Double, level: Double = 0.95, tolerance: Double? = nil, maxExpansions: Int = 12,
        pValue: (Double) throws(RandomizationError) -> Double
    ) throws(RandomizationError) -> PermutationInterval {
        guard estimate.isFinite else { throw .invalidOption(name: "estimate", value: "a non-finite number") }
        guard step.isFinite, step > 0 else { throw .invalidOption(name: "step", value: "\(step)") }
        guard level > 0, level < 1 else { throw .invalidOption(name: "level", value: "\(level)") }
        let tol = tolerance ?? 1e-3 * step
        guard tol.isFinite, tol > 0 else { throw .invalidOption(name: "tolerance", value: "\(tol)") }
        let alpha = 1 - level
        var evaluations = 0, failures = 0
        func accepts(_ theta: Double) -> Bool {
            evaluations += 1
            do {
                return try pValue(theta) > alpha
            } catch {
                failures += 1
                return false
            }
        }
        func endpoint(_ direction: Double) -> Double? {
            var inside = estimate
            var outside: Double?
            var h = step
            for _ in 0..<max(1, maxExpansions) {
                let theta = estimate + direction * h
                if accepts(theta) {
                    inside = theta
                    h *= 2
                } else {
                    outside = theta
                    break
                }
            }
            guard var out = outside else { return nil }
            while abs(out - inside) > tol {
                let mid = 0.5 * (inside + out)
                if accepts(mid) { inside = mid } else { out = mid }
            }
            return 0.5 * (inside + out)
        }
        let lower = endpoint(-1)
        let upper = endpoint(1)
        return PermutationInterval(
            estimate: estimate, lower: lower, upper: upper, level: level, tolerance: tol,
            evaluations: evaluations, failedEvaluations: failures)
    }
}
