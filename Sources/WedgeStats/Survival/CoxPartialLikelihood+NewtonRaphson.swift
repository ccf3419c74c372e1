// SPDX-License-Identifier: Apache-2.0

extension CoxPartialLikelihood {
    /// The outcome of ``newtonRaphson(maxIterations:tolerance:)``.
    struct Fit {
        var beta: [Double]
        var variance: Matrix
        var initialLogLikelihood: Double
        var logLikelihood: Double
        var scoreStatistic: Double
        var iterations: Int
        var isConverged: Bool
    }

    /// Maximizes the partial likelihood from `β = 0`, step for step as survival's `coxfit6.c`.
    func newtonRaphson(maxIterations: Int, tolerance: Double) -> Fit {
        var beta = Array(repeating: 0.0, count: p)
        let start = evaluate(beta)
        let nanMatrix = Matrix(rows: p, columns: p) * .nan
        guard let chol0 = Cholesky(start.information), start.logLikelihood.isFinite else {
            return Fit(
                beta: beta, variance: Cholesky(start.information)?.inverse ?? nanMatrix,
                initialLogLikelihood: start.logLikelihood, logLikelihood: start.logLikelihood,
                scoreStatistic: .nan, iterations: 0, isConverged: false)
        }
        let step0 = chol0.solve(start.score)
        let scoreStatistic = zip(start.score, step0).reduce(0) { $0 + $1.0 * $1.1 }
        guard maxIterations > 0 else {
            return Fit(
                beta: beta, variance: chol0.inverse, initialLogLikelihood: start.logLikelihood,
                logLikelihood: start.logLikelihood, scoreStatistic: scoreStatistic, iterations: 0,
                isConverged: false)
        }
        var best = start.logLikelihood
        var newBeta = zip(beta, step0).map { $0 + $1 }
        var halving = 0
        var lastGood = start
        for iteration in 1...maxIterations {
            let current = evaluate(newBeta)
            let chol = Cholesky(current.information)
            let isFinite =
                current.logLikelihood.isFinite && current.score.allSatisfy(\.isFinite)
                && current.information.storage.allSatisfy(\.isFinite)
            if isFinite, let chol, abs(1 - best / current.logLikelihood) <= tolerance {
                return Fit(
                    beta: newBeta, variance: chol.inverse, initialLogLikelihood: start.logLikelihood,
                    logLikelihood: current.logLikelihood, scoreStatistic: scoreStatistic,
                    iterations: iteration, isConverged: true)
            }
            if iteration == maxIterations { break }
            if !isFinite || current.logLikelihood < best || chol == nil {
                halving += 1
                let h = Double(halving)
                newBeta = zip(newBeta, beta).map { ($0 + h * $1) / (h + 1) }
            } else {
                halving = 0
                best = current.logLikelihood
                lastGood = current
                let step = chol!.solve(current.score)
                beta = newBeta
                newBeta = zip(newBeta, step).map { $0 + $1 }
            }
        }
        // Out of iterations: report the best point, as coxfit6 does.
        let final = maxIterations > 1 ? evaluate(beta) : lastGood
        return Fit(
            beta: beta, variance: Cholesky(final.information)?.inverse ?? nanMatrix,
            initialLogLikelihood: start.logLikelihood, logLikelihood: final.logLikelihood,
            scoreStatistic: scoreStatistic, iterations: maxIterations, isConverged: false)
    }

    /// The Lin–Wei grouped-dfbeta sandwich `Σ_c D_cᵀD_c`, `D_c = Σ_{i∈c} Lᵢ·V` (coxph `cluster =`).
    /// - Parameter cluster: Cluster labels in sorted-row order.
    func robustVariance(beta: [Double], variance: Matrix, cluster: [Int]) -> Matrix {
        let residuals = scoreResiduals(beta)
        var collapsed: [Int: [Double]] = [:]
        for (r, row) in residuals.enumerated() {
            let dfbeta = variance * row
            var sum = collapsed[cluster[r]] ?? Array(repeating: 0, count: p)
            for j in 0..<p { sum[j] += dfbeta[j] }
            collapsed[cluster[r]] = sum
        }
        var sandwich = Matrix(rows: p, columns: p)
        for key in collapsed.keys.sorted() {
            let d = collapsed[key]!
            for i in 0..<p { for j in 0..<p { sandwich[i, j] += d[i] * d[j] } }
        }
        return sandwich
    }
}
