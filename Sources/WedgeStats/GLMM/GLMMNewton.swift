// SPDX-License-Identifier: Apache-2.0

/// A damped Newton minimiser for ``GLMMObjective``: analytic gradient, the analytic Hessian for Laplace
/// (``GLMMObjective/laplaceHessian(_:)``) or forward differences of the gradient for quadrature, Levenberg shifts `H + λI` until Cholesky succeeds, and Armijo backtracking
/// (Nocedal & Wright, *Numerical Optimization*, 2nd ed., §3.4 and §6.3).
enum GLMMNewton {
    struct Outcome {
        var parameters: [Double]
        var value: Double
        var iterations: Int
        var converged: Bool
        var message: String
        /// The Hessian at `parameters` (analytic for Laplace, else forward differences) when the optimiser stopped
        /// on its tolerance.
        var hessian: Matrix?
    }

    /// Minimises `objective` from `start`; stops when the Newton decrement `gᵀ(H + λI)⁻¹g` is below
    /// `tolerance` with `λ = 0`, or when no decrease is possible at machine precision.
    static func minimize(_ objective: GLMMObjective, from start: [Double], options: GLMMOptions) -> Outcome {
        let dim = start.count
        var phi = start
        var gradient = Array(repeating: 0.0, count: dim)
        var trialGradient = gradient
        var f = objective.valueAndGradient(phi, into: &gradient)
        guard f.isFinite else {
            return Outcome(parameters: phi, value: f, iterations: 0, converged: false,
                           message: "the deviance is not finite at the starting values", hessian: nil)
        }
        var hessian = Matrix(rows: dim, columns: dim)
        var lambdaFloor = 0.0
        var previous: (phi: [Double], gradient: [Double])?
        // A BFGS approximation can understate the Newton decrement, so convergence on it is only accepted
        // when the gradient is also below 1e-6; otherwise the Hessian is re-formed by differences first.
        var fresh = false
        iterations: for iteration in 1...max(1, options.maxIterations) {
            if options.quasiNewton, previous == nil, let h0 = options.initialHessian, h0.rows == dim, h0.columns == dim {
                hessian = h0
            } else if options.quasiNewton, !fresh, let (oldPhi, oldGradient) = previous {
                bfgsUpdate(&hessian, s: (0..<dim).map { phi[$0] - oldPhi[$0] },
                           y: (0..<dim).map { gradient[$0] - oldGradient[$0] })
            } else {
                fresh = true
                // The exact Hessian for Laplace; otherwise forward differences of the analytic gradient.
                if let exact = objective.laplaceHessian(phi) {
                    hessian = exact
                } else {
                    for j in 0..<dim {
                        let h = 1e-6 * max(1, abs(phi[j]))
                        var shifted = phi
                        shifted[j] += h
                        _ = objective.valueAndGradient(shifted, into: &trialGradient)
                        for i in 0..<dim { hessian[i, j] = (trialGradient[i] - gradient[i]) / h }
                    }
                }
            }
            previous = (phi, gradient)
            var scale = 0.0
            for i in 0..<dim {
                for j in 0..<i {
                    let s = 0.5 * (hessian[i, j] + hessian[j, i])
                    hessian[i, j] = s
                    hessian[j, i] = s
                }
                scale = max(scale, abs(hessian[i, i]))
            }
            var lambda = lambdaFloor
            var accepted = false
            for _ in 0..<60 {
                var shiftedH = hessian
                for i in 0..<dim { shiftedH[i, i] += lambda }
                guard let chol = Cholesky(shiftedH) else {
                    lambda = max(1e-8 * max(scale, 1), lambda * 10)
                    continue
                }
                let step = chol.solve(gradient.map { -$0 })
                var slope = 0.0
                for i in 0..<dim { slope += gradient[i] * step[i] }
                if lambda == 0 && -slope < options.tolerance {
                    if !fresh && gradient.contains(where: { abs($0) > 1e-6 }) {
                        fresh = true
                        continue iterations
                    }
                    return Outcome(parameters: phi, value: f, iterations: iteration, converged: true,
                                   message: "converged: Newton decrement \(-slope)", hessian: hessian)
                }
                var t = 1.0
                while t > 1e-10 {
                    let trial = (0..<dim).map { phi[$0] + t * step[$0] }
                    // The full step is usually accepted, so evaluate its gradient at the same time.
                    let fTrial = t == 1
                        ? objective.valueAndGradient(trial, into: &trialGradient) : objective.value(trial)
                    if fTrial.isFinite && fTrial <= f + 1e-4 * t * slope {
                        phi = trial
                        f = fTrial
                        if t == 1 { swap(&gradient, &trialGradient) } else {
                            f = objective.valueAndGradient(phi, into: &gradient)
                        }
                        accepted = true
                        break
                    }
                    t *= 0.5
                }
                if accepted {
                    lambdaFloor = t == 1 ? 0 : lambdaFloor
                    break
                }
                if lambda == 0 && -slope < 1e-6 {
                    // No decrease is possible at machine precision this close to the minimum.
                    if !fresh {
                        fresh = true
                        continue iterations
                    }
                    return Outcome(parameters: phi, value: f, iterations: iteration, converged: true,
                                   message: "converged: no further decrease possible (decrement \(-slope))",
                                   hessian: hessian)
                }
                lambda = max(1e-4 * max(scale, 1), lambda * 10)
            }
            if options.quasiNewton && accepted { fresh = false }
            guard accepted else {
                return Outcome(parameters: phi, value: f, iterations: iteration, converged: false,
                               message: "line search failed to decrease the deviance")
            }
        }
        return Outcome(parameters: phi, value: f, iterations: options.maxIterations, converged: false,
                       message: "no convergence in \(options.maxIterations) iterations", hessian: nil)
    }

    /// The BFGS update `H + yyᵀ/(yᵀs) − (Hs)(Hs)ᵀ/(sᵀHs)` (Nocedal & Wright 2006, eq. 6.19), skipped when the
    /// curvature condition `yᵀs > 0` fails, so that `H` stays positive definite.
    static func bfgsUpdate(_ h: inout Matrix, s: [Double], y: [Double]) {
        let n = s.count
        var ys = 0.0
        for i in 0..<n { ys += y[i] * s[i] }
        let hs = h * s
        var sHs = 0.0
        for i in 0..<n { sHs += s[i] * hs[i] }
        guard ys > 1e-12 * max(1, sHs), sHs > 0 else { return }
        for i in 0..<n {
            for j in 0..<n { h[i, j] += y[i] * y[j] / ys - hs[i] * hs[j] / sHs }
        }
    }
}
