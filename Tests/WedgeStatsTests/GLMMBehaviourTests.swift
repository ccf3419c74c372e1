// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeStats

@Suite("GLMM behaviour")
struct GLMMBehaviourTests {
    @Test func oneQuadraturePointIsLaplace() throws {
        let cells = try GLMMFixtures.cells("swift")
        let laplace = LogisticGLMM.fit(cells)
        let agq1 = LogisticGLMM.fit(cells, method: .adaptiveGaussHermite(points: 1))
        #expect(laplace.logLikelihood == agq1.logLikelihood)
        #expect(laplace.coefficients == agq1.coefficients)
        #expect(laplace.standardErrors == agq1.standardErrors)
    }

    @Test func detectsSingularFit() throws {
        let fit = LogisticGLMM.fit(try GLMMFixtures.cells("singular"))
        #expect(fit.isSingular && fit.converged)
        #expect(fit.siteSD < 1e-6)
        #expect(fit.message.contains("singular"))
        // At τ = 0 the model is ordinary logistic regression: conditional and Hessian SEs coincide.
        for j in fit.coefficients.indices {
            #expect(abs(fit.standardErrors[j] / fit.conditionalStandardErrors[j] - 1) < 1e-6)
        }
        #expect(!LogisticGLMM.fit(try GLMMFixtures.cells("swift")).isSingular)
    }

    /// Bernoulli rows and their binomial cells give the same estimates; the log-likelihoods differ by
    /// exactly `Σ log C(n, y)` of the cells (as lme4's do: −60.1768 vs −272.2705 in the fixtures).
    @Test(arguments: [GLMMMethod.laplace, .adaptiveGaussHermite(points: 7)])
    func collapsingCellsLeavesTheFitUnchanged(method: GLMMMethod) throws {
        let cells = try GLMMFixtures.cells("swift")
        let rows = try GLMMFixtures.cells("swiftind")
        let uncollapsed = LogisticGLMM.fit(rows, method: method, options: GLMMOptions(collapsesCells: false))
        let collapsed = LogisticGLMM.fit(rows, method: method)
        let grouped = LogisticGLMM.fit(cells, method: method)
        #expect(rows.collapsed().count == cells.count)
        var logChoose = 0.0
        for i in 0..<cells.count {
            logChoose += lgamma(cells.trials[i] + 1) - lgamma(cells.successes[i] + 1)
                - lgamma(cells.trials[i] - cells.successes[i] + 1)
        }
        #expect(abs(grouped.logLikelihood - logChoose - uncollapsed.logLikelihood) < 1e-8)
        #expect(abs(collapsed.logLikelihood - uncollapsed.logLikelihood) < 1e-8)
        #expect(abs(collapsed.deviance - uncollapsed.deviance) < 1e-7)
        #expect(abs(grouped.siteSD - uncollapsed.siteSD) < 1e-6)
        for j in cells.design.columns == 0 ? [] : Array(0..<cells.design.columns) {
            #expect(abs(grouped.coefficients[j] - uncollapsed.coefficients[j]) < 1e-6)
            #expect(abs(grouped.standardErrors[j] / uncollapsed.standardErrors[j] - 1) < 1e-6)
        }
    }

    /// Started exactly at θ = 0 (a stationary point of the even deviance), the fit must escape the saddle.
    @Test func escapesTheSaddleAtThetaZero() throws {
        let cells = try GLMMFixtures.cells("swift")
        let fromZero = LogisticGLMM.fit(cells, options: GLMMOptions(startingTheta: 0))
        let standard = LogisticGLMM.fit(cells)
        #expect(fromZero.converged && !fromZero.isSingular)
        #expect(abs(fromZero.logLikelihood - standard.logLikelihood) < 1e-9)
        #expect(abs(fromZero.siteSD - standard.siteSD) < 1e-6)
    }

    @Test func waldInference() throws {
        let fit = LogisticGLMM.fit(try GLMMFixtures.cells("swift"))
        let w = fit.wald(1)
        #expect(w.estimate == fit.coefficients[1] && w.standardError == fit.standardErrors[1])
        #expect(abs(w.z - fit.coefficients[1] / fit.standardErrors[1]) < 1e-15)
        #expect(abs(w.pValue - 2 * Normal.complementaryCDF(abs(w.z))) < 1e-15)
        #expect(abs(w.interval.lower - (w.estimate - 1.959963984540054 * w.standardError)) < 1e-12)
        #expect(abs(w.oddsRatio.estimate - exp(w.estimate)) < 1e-12)
        #expect(fit.wald(1, conditional: true).standardError == fit.conditionalStandardErrors[1])
    }

    @Test func invalidInputIsReportedNotTrapped() {
        let x = Matrix([[1, 0], [1, 1]])
        let bad = BinomialCells(successes: [3, 5], trials: [2, 6], cluster: [0, 1], design: x)
        let fit = LogisticGLMM.fit(bad)
        #expect(!fit.converged && fit.coefficients.allSatisfy(\.isNaN))
        #expect(fit.message.contains("successes 3.0 of trials 2.0"))
        let good = BinomialCells(successes: [1, 5], trials: [2, 6], cluster: [0, 1], design: x)
        #expect(!LogisticGLMM.fit(good, method: .adaptiveGaussHermite(points: 0)).converged)
        let rankDeficient = BinomialCells(
            successes: [1, 5], trials: [2, 6], cluster: [0, 1], design: Matrix([[1, 1], [1, 1]]))
        #expect(!LogisticGLMM.fit(rankDeficient).converged)
    }
}
