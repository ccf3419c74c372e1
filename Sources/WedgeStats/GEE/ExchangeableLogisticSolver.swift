// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// The estimating-equation iteration of ``LogisticGEE``, reproducing geepack's `geese.fit`.
///
/// Start (as `geeglm`): `β⁰` is the independence logistic MLE by R's `glm.fit` IRLS path (start
/// `μ = (y + ½)/2`, stop when the relative deviance change is below `1e-8`, at most 25 steps);
/// `φ⁰ = Σr²/N` at `β⁰`; `α⁰ = 0`. Each iteration (geepack `gee_est`) then does, in this order:
/// one Fisher-scoring step `β ← β + B⁻¹ Σuᵢ` at the current `α`; `φ ← Σr²/N` at the new `β`;
/// `α ← Σᵢ Σ_{j<k} rᵢⱼrᵢₖ / (φ Σᵢ nᵢ(nᵢ−1)/2)`; and stops when no parameter moved by more than the
/// tolerance. The exchangeable inverse is closed-form,
/// `Rᵢ⁻¹ = (I − c 11')/(1 − α)` with `c = α/(1 + (nᵢ − 1)α)`, so a cluster costs `O(cells · p²)`.
struct ExchangeableLogisticSolver {
    let data: GEECells
    let options: GEEOptions

    var parameterCount: Int { data.design.columns }

    /// The per-cluster sums at `(β, α)` with `φ = 1`: `Bᵢ`, `uᵢ`, `Σr`, `Σr²`.
    func clusterTerms(_ i: Int, beta: [Double], alpha: Double)
        -> (b: Matrix, u: [Double], sumR: Double, sumR2: Double)
    {
        let p = parameterCount
        var gram = Matrix(rows: p, columns: p)
        var g = Array(repeating: 0.0, count: p)
        var h = Array(repeating: 0.0, count: p)
        var sumR = 0.0
        var sumR2 = 0.0
        for cell in data.clusters[i] {
            let base = cell * p
            var eta = 0.0
            for k in 0..<p { eta += data.design.storage[base + k] * beta[k] }
            let mu = 1 / (1 + exp(-eta))
            let a = mu * (1 - mu)
            let sa = a.squareRoot()
            let m = data.trials[cell]
            let s = data.successes[cell]
            let e = s - m * mu
            sumR += e / sa
            sumR2 += (s * (1 - mu) * (1 - mu) + (m - s) * mu * mu) / a
            for k in 0..<p {
                let xk = data.design.storage[base + k]
                g[k] += m * sa * xk
                h[k] += e * xk
                let w = m * a * xk
                for l in 0...k { gram[k, l] += w * data.design.storage[base + l] }
            }
        }
        let n = data.clusterSizes[i]
        let c = alpha / (1 + (n - 1) * alpha)
        let scale = 1 / (1 - alpha)
        var b = Matrix(rows: p, columns: p)
        for k in 0..<p {
            for l in 0...k {
                let v = scale * (gram[k, l] - c * g[k] * g[l])
                b[k, l] = v
                b[l, k] = v
            }
        }
        let u = (0..<p).map { scale * (h[$0] - c * g[$0] * sumR) }
        return (b, u, sumR, sumR2)
    }

    /// The independence logistic MLE along R's `glm.fit` path, or `nil` if `X'WX` is singular.
    func independenceStart() -> [Double]? {
        let p = parameterCount
        let x = data.design.storage
        // Step 1 from mustart (y + 1/2)/2: every individual has weight 3/16 and working response
        // ±(log 3 + 4/3), so the sums reduce to cells exactly.
        var xtwx = Matrix(rows: p, columns: p)
        var xtwz = Array(repeating: 0.0, count: p)
        let w0 = 3.0 / 16.0
        let z0 = w0 * log(3.0) + 0.25
        for cell in 0..<data.design.rows {
            let m = data.trials[cell]
            let s = data.successes[cell]
            for k in 0..<p {
                xtwz[k] += x[cell * p + k] * (2 * s - m) * z0
                for l in 0..<p { xtwx[k, l] += m * w0 * x[cell * p + k] * x[cell * p + l] }
            }
        }
        guard let chol0 = Cholesky(xtwx) else { return nil }
        var beta = chol0.solve(xtwz)
        var devOld = -2 * Double(data.observationCount) * log(0.75)
        for iteration in 1...25 {
            if iteration > 1 {
                xtwx = Matrix(rows: p, columns: p)
                xtwz = Array(repeating: 0.0, count: p)
                for cell in 0..<data.design.rows {
                    var eta = 0.0
                    for k in 0..<p { eta += x[cell * p + k] * beta[k] }
                    let mu = 1 / (1 + exp(-eta))
                    let a = mu * (1 - mu)
                    let m = data.trials[cell]
                    let s = data.successes[cell]
                    let target = m * a * eta + s - m * mu
                    for k in 0..<p {
                        xtwz[k] += x[cell * p + k] * target
                        for l in 0..<p { xtwx[k, l] += m * a * x[cell * p + k] * x[cell * p + l] }
                    }
                }
                guard let chol = Cholesky(xtwx) else { return nil }
                beta = chol.solve(xtwz)
            }
            let dev = deviance(beta)
            guard dev.isFinite else { return nil }
            if abs(dev - devOld) / (abs(dev) + 0.1) < 1e-8 { break }
            devOld = dev
        }
        return beta
    }

    /// The binomial deviance `−2 Σ [s log μ + (m − s) log(1 − μ)]` of binary individuals.
    func deviance(_ beta: [Double]) -> Double {
        let p = parameterCount
        var dev = 0.0
        for cell in 0..<data.design.rows {
            var eta = 0.0
            for k in 0..<p { eta += data.design.storage[cell * p + k] * beta[k] }
            let mu = 1 / (1 + exp(-eta))
            let m = data.trials[cell]
            let s = data.successes[cell]
            if s > 0 { dev -= 2 * s * log(mu) }
            if m > s { dev -= 2 * (m - s) * log1p(-mu) }
        }
        return dev
    }

    /// The moment estimates `(φ, α)` at `β` (geepack `update_gamma`, `update_alpha`).
    func moments(beta: [Double]) -> (scale: Double, alpha: Double) {
        var sumR2 = 0.0
        var pairProducts = 0.0
        var pairs = 0.0
        for i in data.clusters.indices {
            let t = clusterTerms(i, beta: beta, alpha: 0)
            let n = data.clusterSizes[i]
            sumR2 += t.sumR2
            pairProducts += (t.sumR * t.sumR - t.sumR2) / 2
            pairs += n * (n - 1) / 2
        }
        let phi = sumR2 / Double(data.observationCount)
        return (phi, pairs > 0 ? pairProducts / (phi * pairs) : 0)
    }

    /// Runs the iteration and the covariance estimators.
    func fit() -> GEEFit {
        let p = parameterCount
        guard var beta = independenceStart() else { return failed(.singular, iterations: 0) }
        var (phi, alpha) = (moments(beta: beta).scale, 0.0)
        let maxSize = data.clusterSizes.max() ?? 1
        var status = GEEStatus.iterationLimitReached
        var iterations = 0
        for iteration in 0..<max(0, options.maxIterations) {
            var b = Matrix(rows: p, columns: p)
            var u = Array(repeating: 0.0, count: p)
            for i in data.clusters.indices {
                let t = clusterTerms(i, beta: beta, alpha: alpha)
                b = b + t.b
                for k in 0..<p { u[k] += t.u[k] }
            }
            guard let chol = Cholesky(b) else { return failed(.singular, iterations: iteration) }
            let step = chol.solve(u)
            for k in 0..<p { beta[k] += step[k] }
            let next = moments(beta: beta)
            let change = max(step.map(abs).max() ?? 0, abs(next.scale - phi), abs(next.alpha - alpha))
            (phi, alpha) = next
            iterations = iteration + 1
            let admissible = alpha < 1 && (maxSize <= 1 || alpha > -1 / (maxSize - 1))
            guard change.isFinite, admissible else { return failed(.singular, iterations: iterations) }
            if change <= options.tolerance {
                status = .converged
                break
            }
        }
        guard let covariances = covariances(beta: beta, alpha: alpha, scale: phi) else {
            return failed(.singular, iterations: iterations)
        }
        return GEEFit(
            coefficients: beta, alpha: alpha, scale: phi, iterations: iterations, status: status,
            clusterCount: data.clusters.count, observationCount: data.observationCount,
            degreesOfFreedomRule: options.degreesOfFreedom, naive: covariances.naive,
            robust: covariances.robust, kauermannCarroll: covariances.kauermannCarroll,
            manclDeRouen: covariances.manclDeRouen)
    }

    /// A fit whose numbers are all NaN.
    func failed(_ status: GEEStatus, iterations: Int) -> GEEFit {
        GEEFit.undefined(
            parameters: parameterCount, status: status, iterations: iterations, clusters: data.clusters.count,
            observations: data.observationCount, rule: options.degreesOfFreedom)
    }
}
