// SPDX-License-Identifier: Apache-2.0

import RealModule

/// Ordinary logistic regression on binomial cells by IRLS (McCullagh & Nelder 1989, §2.5), used for
/// the starting β of ``LogisticGLMM``. Starts from `μ = (y + ½)/(n + 1)` as R's `glm` does.
/// With an offset `o`, the working response is `z = η − o + (y − nμ)/w` and `η = Xβ + o`.
enum LogisticGLM {
    /// The maximum-likelihood β ignoring clusters, or `nil` when `XᵀWX` is not positive definite.
    static func fit(_ data: BinomialCells, maxIterations: Int = 50) -> [Double]? {
        let m = data.count, p = data.design.columns
        let offset = data.offset ?? Array(repeating: 0, count: m)
        var eta = (0..<m).map { i -> Double in
            let mu = (data.successes[i] + 0.5) / (data.trials[i] + 1)
            return Double.log(mu / (1 - mu))
        }
        var beta = Array(repeating: 0.0, count: p)
        var previous = Double.infinity
        for _ in 0..<maxIterations {
            var xtwx = Matrix(rows: p, columns: p)
            var xtwz = Array(repeating: 0.0, count: p)
            for i in 0..<m {
                let mu = 1 / (1 + Double.exp(-eta[i]))
                let w = max(data.trials[i] * mu * (1 - mu), 1e-12)
                let z = eta[i] - offset[i] + (data.successes[i] - data.trials[i] * mu) / w
                for j in 0..<p {
                    let wx = w * data.design[i, j]
                    xtwz[j] += wx * z
                    for k in 0...j { xtwx[j, k] += wx * data.design[i, k] }
                }
            }
            for j in 0..<p { for k in 0..<j { xtwx[k, j] = xtwx[j, k] } }
            guard let chol = Cholesky(xtwx) else { return nil }
            beta = chol.solve(xtwz)
            eta = data.design * beta
            for i in 0..<m { eta[i] += offset[i] }
            var deviance = 0.0
            for i in 0..<m {
                let e = eta[i]
                deviance += 2 * (data.trials[i] * (max(e, 0) + Double.log(onePlus: Double.exp(-abs(e))))
                    - data.successes[i] * e)
            }
            if abs(deviance - previous) <= 1e-10 * (abs(deviance) + 0.1) { break }
            previous = deviance
        }
        return beta.allSatisfy(\.isFinite) ? beta : nil
    }
}
