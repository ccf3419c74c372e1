// SPDX-License-Identifier: Apache-2.0

import RealModule

/// The Cox log partial likelihood, its score and information, on data sorted for one pass.
///
/// Rows are sorted by stratum, then time *descending*, so each risk set is the running sum of the rows
/// seen so far. Covariates are centred on their means, which leaves the likelihood unchanged and keeps
/// `exp(xβ)` in range (coxph does the same). The accumulation follows survival's `coxfit6.c`.
struct CoxPartialLikelihood: Sendable {
    /// Original row index of each sorted row.
    let order: [Int]
    /// Sorted times.
    let time: [Double]
    /// Sorted event flags.
    let event: [Bool]
    /// Sorted stratum labels.
    let stratum: [Int]
    /// Sorted, centred covariates, `x[row][j]`.
    let x: [[Double]]
    /// The number of covariates.
    let p: Int
    /// The tie method.
    let ties: CoxTies

    /// The value, gradient and negative Hessian at one `β`.
    struct Evaluation {
        var logLikelihood: Double
        var score: [Double]
        var information: Matrix
    }

    init(time: [Double], event: [Bool], covariates: Matrix, strata: [Int]?, ties: CoxTies) {
        let n = time.count
        let used = (0..<n).filter { !time[$0].isNaN }
        let s: (Int) -> Int = { strata?[$0] ?? 0 }
        let sorted = used.sorted { s($0) != s($1) ? s($0) < s($1) : time[$0] > time[$1] }
        let width = covariates.columns
        var means = Array(repeating: 0.0, count: width)
        for i in used { for j in 0..<width { means[j] += covariates[i, j] } }
        for j in 0..<width { means[j] /= Double(Swift.max(used.count, 1)) }
        order = sorted
        self.time = sorted.map { time[$0] }
        self.event = sorted.map { event[$0] }
        stratum = sorted.map(s)
        p = width
        x = sorted.map { i in (0..<width).map { covariates[i, $0] - means[$0] } }
        self.ties = ties
    }

    /// Ranges of sorted rows that share a stratum and a time, in sorted order.
    var tiedBlocks: [Range<Int>] {
        var blocks: [Range<Int>] = []
        var start = 0
        while start < time.count {
            var end = start + 1
            while end < time.count, time[end] == time[start], stratum[end] == stratum[start] { end += 1 }
            blocks.append(start..<end)
            start = end
        }
        return blocks
    }

    /// Linear predictors `xβ` of the sorted rows.
    func linearPredictor(_ beta: [Double]) -> [Double] {
        x.map { row in
            var eta = 0.0
            for j in 0..<p { eta += beta[j] * row[j] }
            return eta
        }
    }

    /// `coxfit6_iter`: log partial likelihood, score and information at `beta`.
    func evaluate(_ beta: [Double]) -> Evaluation {
        let eta = linearPredictor(beta)
        var loglik = 0.0
        var u = Array(repeating: 0.0, count: p)
        var imat = Matrix(rows: p, columns: p)
        var denom = 0.0
        var a = Array(repeating: 0.0, count: p)
        var cmat = Matrix(rows: p, columns: p)
        var previousStratum: Int?
        for block in tiedBlocks {
            if stratum[block.lowerBound] != previousStratum {
                denom = 0
                a = Array(repeating: 0.0, count: p)
                cmat = Matrix(rows: p, columns: p)
                previousStratum = stratum[block.lowerBound]
            }
            var deaths = 0
            var denom2 = 0.0
            var a2 = Array(repeating: 0.0, count: p)
            var cmat2 = Matrix(rows: p, columns: p)
            for r in block {
                let risk = Double.exp(eta[r])
                let xr = x[r]
                if event[r] {
                    deaths += 1
                    denom2 += risk
                    loglik += eta[r]
                    for i in 0..<p {
                        u[i] += xr[i]
                        a2[i] += risk * xr[i]
                        for j in 0...i { cmat2[i, j] += risk * xr[i] * xr[j] }
                    }
                } else {
                    denom += risk
                    for i in 0..<p {
                        a[i] += risk * xr[i]
                        for j in 0...i { cmat[i, j] += risk * xr[i] * xr[j] }
                    }
                }
            }
            guard deaths > 0 else { continue }
            let steps = ties == .efron ? deaths : 1
            let fraction = 1 / Double(steps)
            let weight = Double(deaths) / Double(steps)
            for _ in 0..<steps {
                denom += denom2 * fraction
                loglik -= weight * Double.log(denom)
                for i in 0..<p {
                    a[i] += a2[i] * fraction
                    let mean = a[i] / denom
                    u[i] -= weight * mean
                    for j in 0...i {
                        cmat[i, j] += cmat2[i, j] * fraction
                        imat[j, i] += weight * (cmat[i, j] - mean * a[j]) / denom
                    }
                }
            }
        }
        for i in 0..<p { for j in 0..<i { imat[i, j] = imat[j, i] } }
        return Evaluation(logLikelihood: loglik, score: u, information: imat)
    }
}
