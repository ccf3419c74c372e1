// SPDX-License-Identifier: Apache-2.0

import Testing
@testable import WedgeStats

/// The analytic Hessian of the Laplace deviance against a high-precision finite difference: Richardson-extrapolated
/// central differences of the exact analytic gradient, `(4·D(h/2) − D(h))/3` with `D(h) = (∇F(φ + h eⱼ) −
/// ∇F(φ − h eⱼ))/2h`, whose truncation error is O(h⁴) ≈ 1e-12 at h = 1e-3 and whose rounding error is about
/// ε·|∇F|/h ≈ 1e-11 relative. Tolerance: 1e-7 relative to the largest entry (observed about 1e-9), far below the
/// 1e-4 relative error of lme4's `deriv12` and of the forward differences it replaces.
@Suite("GLMM analytic Hessian")
struct GLMMHessianTests {
    static func richardson(_ objective: GLMMObjective, _ phi: [Double]) -> Matrix {
        let dim = phi.count
        var result = Matrix(rows: dim, columns: dim)
        var plus = [Double](repeating: 0, count: dim), minus = plus
        func central(_ j: Int, _ h: Double) -> [Double] {
            var shifted = phi
            shifted[j] += h
            _ = objective.valueAndGradient(shifted, into: &plus)
            shifted[j] = phi[j] - h
            _ = objective.valueAndGradient(shifted, into: &minus)
            return (0..<dim).map { (plus[$0] - minus[$0]) / (2 * h) }
        }
        for j in 0..<dim {
            let coarse = central(j, 1e-3), fine = central(j, 5e-4)
            for i in 0..<dim { result[i, j] = (4 * fine[i] - coarse[i]) / 3 }
        }
        return result
    }

    static func expectClose(_ analytic: Matrix, _ numeric: Matrix, _ label: String) {
        let scale = numeric.storage.map(abs).max()!
        var worst = 0.0
        for k in analytic.storage.indices { worst = max(worst, abs(analytic.storage[k] - numeric.storage[k])) }
        #expect(worst <= 1e-7 * scale, "\(label): largest difference \(worst), scale \(scale)")
    }

    @Test("Away from the optimum and at it, on four datasets", arguments: ["swift", "covariate", "singular", "large"])
    func matchesRichardson(dataset: String) throws {
        let cells = try GLMMFixtures.cells(dataset, covariate: dataset == "covariate").collapsed()
        let objective = GLMMObjective(cells, rule: GaussHermiteRule(points: 1))
        let p = cells.design.columns
        let away = [0.7] + (0..<p).map { 0.2 * Double($0 % 3 - 1) }
        let fit = LogisticGLMM.fit(cells)
        let optimum = [max(fit.siteSD, 0.05)] + fit.coefficients
        for (label, phi) in [("away", away), ("optimum", optimum), ("negative θ", [-0.4] + fit.coefficients)] {
            let analytic = try #require(objective.laplaceHessian(phi))
            Self.expectClose(analytic, Self.richardson(objective, phi), "\(dataset) \(label)")
        }
    }

    @Test("Adaptive quadrature has no analytic Hessian; the fit still differences the gradient")
    func quadratureFallsBack() throws {
        let cells = try GLMMFixtures.cells("swift")
        #expect(GLMMObjective(cells, rule: GaussHermiteRule(points: 5)).laplaceHessian([0.5] + [Double](repeating: 0, count: cells.design.columns)) == nil)
    }

    @Test("The Laplace fit's SEs do not depend on a difference step")
    func standardErrorsIndependentOfStep() throws {
        let cells = try GLMMFixtures.cells("swift")
        let a = LogisticGLMM.fit(cells, options: GLMMOptions(hessianStep: 1e-3))
        let b = LogisticGLMM.fit(cells, options: GLMMOptions(hessianStep: 1e-5))
        for j in a.standardErrors.indices { #expect(abs(a.standardErrors[j] - b.standardErrors[j]) <= 1e-12 * b.standardErrors[j]) }
    }
}
