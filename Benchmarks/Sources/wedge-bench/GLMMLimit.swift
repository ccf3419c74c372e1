// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeStats

/// The arithmetic floor of a GLMM fit, and how close Wedge comes to it.
///
/// A deviance evaluation must compute, for every cell `i` and quadrature node `k`, the binomial log-likelihood
/// `yᵢηᵢₖ − nᵢ log(1 + e^{ηᵢₖ})`: one exponential and one `log1p` ("a transcendental pair"). With `m` cells and `K`
/// nodes that is `m·K` pairs per evaluation at the least; everything else (the dot products `xᵢβ`, the sums) is a
/// few multiply–adds per pair. A Newton optimiser that converges in `I` iterations needs at least `I` evaluations.
/// So the floor of a fit is `I·m·K` pairs (floor B), and the floor of Wedge's own algorithm, which makes `E`
/// evaluations (gradients for a forward-difference Hessian included), is `E·m·K` pairs (floor A). Wedge's actual
/// work per evaluation is `m·(r + K + 1)` pairs, with `r` inner Newton steps for the conditional modes.
/// The time of one pair is measured here on the same machine, on the same cells.
enum GLMMLimit {
    static func report(_ context: BenchContext) throws {
        let pair = pairSeconds()
        print("One exp + log1p pair: \(String(format: "%.2f", pair * 1e9)) ns (measured, one core).\n")
        print("| data | method | cells m | points K | coefficients p | iterations I | evaluations E | fit (median) "
            + "| floor A = E·m·K pairs | fit / A | floor B = I·m·K pairs | fit / B | pairs per cell per evaluation |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for shape in [Datasets.swift, Datasets.large] {
            let cells = try ModelData.cells(context, shape)
            for method in [GLMMMethod.laplace, .adaptiveGaussHermite(points: 10)] {
                var fit = LogisticGLMM.fit(cells, method: method)
                let sample = Stopwatch.measure(budget: context.budget) { fit = LogisticGLMM.fit(cells, method: method) }
                let m = Double(cells.count), k = Double(method.points)
                let e = Double(fit.evaluations), i = Double(fit.iterations)
                let floorA = e * m * k * pair, floorB = i * m * k * pair
                let perEvaluation = sample.median / (e * m * pair)
                print("| \(shape.name) | \(method.points == 1 ? "Laplace" : "AGQ(10)") | \(cells.count) | \(method.points) "
                    + "| \(cells.coefficientCount) | \(fit.iterations) | \(fit.evaluations) | \(Stopwatch.format(sample.median)) "
                    + "| \(Stopwatch.format(floorA)) | \(String(format: "%.1f", sample.median / floorA))× "
                    + "| \(Stopwatch.format(floorB)) | \(String(format: "%.0f", sample.median / floorB))× "
                    + "| \(String(format: "%.1f", perEvaluation)) |")
            }
        }
    }

    /// The time of one `exp` and one `log1p` on the logistic scale, as in the deviance kernel, in seconds.
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
        return sample.median / Double(count)
    }
}
