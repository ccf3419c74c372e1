// SPDX-License-Identifier: Apache-2.0

/// A damped Newton minimiser whose Hessian (and, without an exact gradient, whose gradient too) comes from
/// central differences, for the nested-exchangeable Laplace deviance.
///
/// With an exact gradient the Hessian is the symmetrised central differences of it (`2d` evaluations per
/// iteration, step `h`). Without one:
/// Each iteration evaluates `f` at `x ± h eᵢ` (gradient `(f₊ − f₋)/2h`, diagonal `(f₊ − 2f + f₋)/h²`) and
/// at `x ± h(eᵢ + eⱼ)` (off-diagonals `[f(x + h(eᵢ + eⱼ)) + f(x − h(eᵢ + eⱼ)) − f(x ± heᵢ) − f(x ± heⱼ) + 2f]/2h²`,
/// second-order accurate with two new evaluations per pair), `h = 1e-4` as lme4's `deriv12`;
/// then takes a Levenberg-shifted Newton step with Armijo backtracking (Nocedal & Wright 2006,
/// *Numerical Optimization*, §3.4, §6.3 and §8.1). The truncation error of the differences is
/// `O(h²)`: about 1e-8 relative in the gradient and Hessian, so the optimum is found to about 1e-9 in
/// the parameters and the Hessian it returns is the standard-error Hessian. A NaN value counts as `+∞`.
enum DifferenceNewton {
    struct Outcome {
        var parameters: [Double]
        var value: Double
        var hessian: Matrix
        var iterations: Int
        var converged: Bool
        var message: String
    }

    /// The gradient and Hessian of `f` at `x`: with an exact `gradient`, that gradient and the symmetrised
    /// central differences of it (`2d` evaluations); otherwise both from values (step `h`).
    static func derivatives(
        _ f: ([Double]) -> Double, gradient exact: Gradient?, at x: [Double], value f0: Double, step h: Double
    ) -> (gradient: [Double], hessian: Matrix) {
        let d = x.count
        if let exact {
            var hessian = Matrix(rows: d, columns: d)
            var point = x
            for j in 0..<d {
                point[j] = x[j] + h
                let up = exact(point).gradient
                point[j] = x[j] - h
                let down = exact(point).gradient
                point[j] = x[j]
                for i in 0..<d { hessian[i, j] = (up[i] - down[i]) / (2 * h) }
            }
            hessian.symmetrize()
            return (exact(x).gradient, hessian)
        }
        var gradient = Array(repeating: 0.0, count: d)
        var hessian = Matrix(rows: d, columns: d)
        var point = x
        var plus = gradient, minus = gradient
        for i in 0..<d {
            point[i] = x[i] + h
            plus[i] = f(point)
            point[i] = x[i] - h
            minus[i] = f(point)
            point[i] = x[i]
            gradient[i] = (plus[i] - minus[i]) / (2 * h)
            hessian[i, i] = (plus[i] - 2 * f0 + minus[i]) / (h * h)
        }
        for i in 0..<d {
            for j in 0..<i {
                // f(x ± h(eᵢ + eⱼ)) with the axis values: second order, two new evaluations per pair.
                point[i] = x[i] + h
                point[j] = x[j] + h
                let up = f(point)
                point[i] = x[i] - h
                point[j] = x[j] - h
                let down = f(point)
                point[i] = x[i]
                point[j] = x[j]
                hessian[i, j] = (up + down - plus[i] - minus[i] - plus[j] - minus[j] + 2 * f0) / (2 * h * h)
                hessian[j, i] = hessian[i, j]
            }
        }
        return (gradient, hessian)
    }

    /// An objective's value and exact gradient.
    typealias Gradient = ([Double]) -> (value: Double, gradient: [Double])

    /// Minimises `f` from `start` (with its exact gradient when one is given); stops when the Newton decrement `gᵀH⁻¹g` (unshifted `H`) is below
    /// `tolerance`, or when the line search can no longer decrease `f`.
    static func minimize(
        _ f: ([Double]) -> Double, gradient: Gradient? = nil, from start: [Double], tolerance: Double,
        maxIterations: Int, step h: Double = 1e-4
    ) -> Outcome {
        let d = start.count
        var x = start
        var fx = f(x)
        guard fx.isFinite else {
            return Outcome(parameters: x, value: fx, hessian: Matrix(rows: d, columns: d), iterations: 0,
                           converged: false, message: "the deviance is not finite at the starting values")
        }
        for iteration in 1...max(1, maxIterations) {
            let (g, hessian) = derivatives(f, gradient: gradient, at: x, value: fx, step: h)
            var scale = 0.0
            for i in 0..<d { scale = max(scale, abs(hessian[i, i])) }
            var lambda = 0.0
            var moved = false
            for _ in 0..<40 {
                var shifted = hessian
                for i in 0..<d { shifted[i, i] += lambda }
                guard let chol = Cholesky(shifted) else {
                    lambda = max(1e-6 * max(scale, 1), lambda * 10)
                    continue
                }
                let direction = chol.solve(g.map { -$0 })
                var slope = 0.0
                for i in 0..<d { slope += g[i] * direction[i] }
                if lambda == 0 && -slope < tolerance {
                    return Outcome(parameters: x, value: fx, hessian: hessian, iterations: iteration, converged: true,
                                   message: "converged: Newton decrement \(-slope)")
                }
                var t = 1.0
                while t > 1e-10 {
                    let trial = (0..<d).map { x[$0] + t * direction[$0] }
                    let ft = f(trial)
                    if ft.isFinite && ft <= fx + 1e-4 * t * slope {
                        x = trial
                        fx = ft
                        moved = true
                        break
                    }
                    t *= 0.5
                }
                if moved { break }
                if lambda == 0 && -slope < 1e-6 {
                    return Outcome(parameters: x, value: fx, hessian: hessian, iterations: iteration, converged: true,
                                   message: "converged: no further decrease possible (decrement \(-slope))")
                }
                lambda = max(1e-4 * max(scale, 1), lambda * 10)
            }
            guard moved else {
                return Outcome(parameters: x, value: fx, hessian: hessian, iterations: iteration, converged: false,
                               message: "line search failed to decrease the deviance")
            }
        }
        let (_, hessian) = derivatives(f, gradient: gradient, at: x, value: fx, step: h)
        return Outcome(parameters: x, value: fx, hessian: hessian, iterations: maxIterations, converged: false,
                       message: "no convergence in \(maxIterations) iterations")
    }
}
