// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeStats

/// The arithmetic floor of a GLMM fit, and how close Wedge comes to it (`wedge-bench limit`).
///
/// A deviance evaluation must compute, for every cell `i` and quadrature node `k`, the binomial log-likelihood
/// `yᵢηᵢₖ − nᵢ log(1 + e^{ηᵢₖ})`: one `exp` and one `log1p` (a "pair"), and the linear predictors `xᵢβ`: `p`
/// multiply–adds per cell. Newton's method also needs the gradient (`p` more per cell and node) and the Hessian
/// (`p²` per cell, once per iteration). A Newton fit that converges in `I` iterations therefore needs at least
///
///     floor = I · m · (K · pair + (2K + p) · p · madd)
///
/// with `m` cells, `K` nodes and `p` coefficients; no algorithm that evaluates the exact likelihood can do less than
/// its `I · m · K` pairs. One evaluation with its gradient needs at least `m · K · (pair + 2p · madd)` (the
/// evaluation floor). Wedge makes `E` evaluations (the Hessian is a forward difference of `p + 1` analytic
/// gradients per iteration), each with `r ≈ 2–4` extra exponentials per cell for the conditional modes. The times of
/// one pair and one dependent multiply–add are measured here, on this machine, and fits are timed by processor time.
enum GLMMLimit {
    static func report(_ context: BenchContext) throws {
        let pair = pairSeconds(), madd = multiplyAddSeconds()
        print("One exp + log1p pair: \(String(format: "%.2f", pair * 1e9)) ns; one dependent multiply–add: "
            + "\(String(format: "%.2f", madd * 1e9)) ns (measured, one core). Fit times are median processor time.\n")
        print("| data | method | cells m | points K | coefficients p | iterations I | evaluations E | fit | fit / E "
            + "| floor | fit / floor | evaluation floor | (fit / E) / evaluation floor |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for shape in [Datasets.swift, Datasets.large] {
            let cells = try ModelData.cells(context, shape)
            for method in [GLMMMethod.laplace, .adaptiveGaussHermite(points: 10)] {
                var fit = LogisticGLMM.fit(cells, method: method)
                let sample = Stopwatch.measure(budget: context.budget) { fit = LogisticGLMM.fit(cells, method: method) }
                let m = Double(cells.count), k = Double(method.points), p = Double(cells.coefficientCount)
                let e = Double(fit.evaluations), i = Double(fit.iterations)
                let floor = i * m * (k * pair + (2 * k + p) * p * madd)
                let evaluationFloor = m * k * (pair + 2 * p * madd)
                let time = sample.cpuMedian
                print("| \(shape.name) | \(method.points == 1 ? "Laplace" : "AGQ(10)") | \(cells.count) | \(method.points) "
                    + "| \(cells.coefficientCount) | \(fit.iterations) | \(fit.evaluations) | \(Stopwatch.format(time)) "
                    + "| \(Stopwatch.format(time / e)) | \(Stopwatch.format(floor)) | \(String(format: "%.0f", time / floor))× "
                    + "| \(Stopwatch.format(evaluationFloor)) | \(String(format: "%.1f", time / e / evaluationFloor))× |")
            }
        }
    }

    /// The processor time of one `exp` and one `log1p` on the logistic scale, as in the deviance kernel, in seconds.
    static func pairSeconds() -> Double {
        let count = 1 << 16
        let eta = (0..<count).map { -3 + 6 * Double($0) / Double(count) }
        var sink = 0.0
        let sample = Stopwatch.measure(warmup: 3, minimumRuns: 50, budget: 0.3) {
            var total = 0.0
            eta.withUnsafeBufferPointer { values in
                for v in values {
                    let e = Foundation.exp(-abs(v))
                    total += max(v, 0) + Foundation.log1p(e)
                }
            }
            sink += total
        }
        if sink.isNaN { print("") }  // keeps the loop from being optimised away
        return sample.cpuMedian / Double(count)
    }

    /// The processor time of one multiply–add accumulated into a single sum (a dependent chain, as in `xᵢβ`).
    static func multiplyAddSeconds() -> Double {
        let count = 1 << 16
        let a = (0..<count).map { 1 + Double($0 % 7) * 1e-3 }, b = (0..<count).map { 1 - Double($0 % 5) * 1e-3 }
        var sink = 0.0
        let sample = Stopwatch.measure(warmup: 3, minimumRuns: 50, budget: 0.3) {
            var total = 0.0
            a.withUnsafeBufferPointer { x in
                b.withUnsafeBufferPointer { y in
                    for j in 0..<count { total += x[j] * y[j] }
                }
            }
            sink += total
        }
        if sink.isNaN { print("") }
        return sample.cpuMedian / Double(count)
    }
}
