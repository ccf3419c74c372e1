// SPDX-License-Identifier: Apache-2.0

import Testing
@testable import WedgeStats

/// Properties of the GLMM's small-sample inference that hold whatever R says (R agreement is checked end to end in
/// `InferenceReferenceTests`).
@Suite("GLMM small-sample inference")
struct GLMMSmallSampleTests {
    @Test("The profile limits are roots of the signed likelihood root at ±z(0.975), and lie around the estimate")
    func profileLimitsAreRoots() throws {
        let cells = try GLMMFixtures.cells("swift")
        let fit = LogisticGLMM.fit(cells)
        let interval = LogisticGLMM.profileInterval(cells, fit: fit, coefficient: 1)
        #expect(interval.lower < fit.coefficients[1] && fit.coefficients[1] < interval.upper)
        for (limit, sign) in [(interval.lower, -1.0), (interval.upper, 1.0)] {
            var fixed = LogisticGLMM.dropping(1, from: cells)
            fixed.offset = (0..<cells.count).map { limit * cells.design[$0, 1] }
            let refit = LogisticGLMM.fit(fixed)
            let root = sign * (2 * (fit.logLikelihood - refit.logLikelihood)).squareRoot()
            #expect(abs(root - sign * 1.959963984540054) < 1e-6, "ζ(\(limit)) = \(root)")
        }
    }

    @Test("The t reference widens the Wald interval by t₄/z and raises p; the normal rule gives back lme4's z")
    func tReference() throws {
        let fit = LogisticGLMM.fit(try GLMMFixtures.cells("swift"))
        let z = fit.wald(1), t = fit.waldT(1), normal = fit.waldT(1, degreesOfFreedom: .normal)
        #expect(t.degreesOfFreedom == 4)
        #expect(t.pValue > z.pValue)
        let ratio = (t.interval.upper - t.interval.lower) / (z.interval.upper - z.interval.lower)
        #expect(abs(ratio - StudentT.quantile(0.975, degreesOfFreedom: 4) / 1.959963984540054) < 1e-9)
        #expect(abs(normal.pValue - z.pValue) < 1e-12 && abs(normal.interval.lower - z.interval.lower) < 1e-12)
    }

    @Test("Parametric bootstrap: reproducible from its seed, replicate by replicate; another seed differs")
    func bootstrapReproducible() throws {
        let test = ParametricBootstrap(try GLMMFixtures.cells("swift"), coefficient: 1)
        #expect(test.isUsable && test.statistic > 0)
        let a = (0..<20).map { test.replicate($0, seed: 7) }
        let b = (0..<20).reversed().map { test.replicate($0, seed: 7) }.reversed()
        #expect(a == Array(b))
        #expect(a != (0..<20).map { test.replicate($0, seed: 8) })
        #expect(a.allSatisfy { $0.isFinite && $0 > -1e-6 })
    }

    @Test("pbkrtest's counting: non-positive replicates leave the denominator, failures are counted")
    func bootstrapCounting() {
        let result = ParametricBootstrapResult(statistic: 3, replicates: [0.5, 4, .nan, 0, 3.5, 1, -1e-9])
        #expect(result.positive == 4 && result.extreme == 2 && result.failures == 1 && result.replicates == 7)
        #expect(result.pValue == 3.0 / 5.0)
        #expect(abs(result.chiSquarePValue - 0.08326451666355) < 1e-12)
    }
}
