// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

/// ``BinomialCells/offset`` in ``LogisticGLMM``: invariances that must hold exactly or to the fit
/// tolerance, and agreement with lme4's `glmer(..., offset =)` (`Fixtures/glmmoffset/reference.R`).
@Suite("GLMM offset")
struct GLMMOffsetTests {
    @Test("no offset and a zero offset give bit-identical fits")
    func zeroOffset() throws {
        let cells = try GLMMFixtures.cells("swift")
        var zero = cells
        zero.offset = Array(repeating: 0, count: cells.count)
        for method in [GLMMMethod.laplace, .adaptiveGaussHermite(points: 5)] {
            let a = LogisticGLMM.fit(cells, method: method), b = LogisticGLMM.fit(zero, method: method)
            #expect(a.coefficients == b.coefficients)
            #expect(a.standardErrors == b.standardErrors)
            #expect(a.siteSD == b.siteSD)
            #expect(a.logLikelihood == b.logLikelihood)
        }
    }

    @Test("an offset absorbed by a design column shifts only that coefficient", arguments: [0, 1])
    func absorbedOffset(column: Int) throws {
        let cells = try GLMMFixtures.cells("swift")
        let plain = LogisticGLMM.fit(cells)
        var shifted = cells
        let c = 0.6
        shifted.offset = (0..<cells.count).map { c * cells.design[$0, column] }
        let fit = LogisticGLMM.fit(shifted)
        #expect(fit.converged)
        for j in 0..<cells.coefficientCount {
            let expected = plain.coefficients[j] - (j == column ? c : 0)
            #expect(abs(fit.coefficients[j] - expected) < 2e-6, "coefficient \(j)")
            #expect(abs(fit.standardErrors[j] - plain.standardErrors[j]) < 1e-4 * plain.standardErrors[j])
        }
        #expect(abs(fit.siteSD - plain.siteSD) < 2e-6)
        #expect(abs(fit.logLikelihood - plain.logLikelihood) < 1e-8)
    }

    @Test("collapsing keeps rows with different offsets apart")
    func collapse() {
        let design = Matrix([[1, 0], [1, 0], [1, 0], [1, 1]])
        let cells = BinomialCells(
            successes: [1, 0, 1, 1], trials: [1, 1, 1, 1], cluster: [0, 0, 0, 0], design: design,
            offset: [0.5, 0.5, -0.5, 0.5])
        let merged = cells.collapsed()
        #expect(merged.count == 3)
        #expect(merged.successes == [1, 1, 1])
        #expect(merged.trials == [2, 1, 1])
        #expect(merged.offset == [0.5, -0.5, 0.5])
        #expect(BinomialCells(successes: [1, 0], trials: [1, 1], cluster: [0, 0], design: Matrix([[1], [1]]))
            .collapsed().offset == nil)
    }

    @Test("collapsed and individual rows with offsets give the same estimates")
    func collapseWithOffsetFits() throws {
        let individual = try GLMMFixtures.cells("swiftind")
        var withOffset = individual
        withOffset.offset = (0..<individual.count).map { 0.1 * Double(individual.cluster[$0] % 3) }
        let a = LogisticGLMM.fit(withOffset, options: GLMMOptions(collapsesCells: true))
        let b = LogisticGLMM.fit(withOffset, options: GLMMOptions(collapsesCells: false))
        for j in 0..<a.coefficients.count { #expect(abs(a.coefficients[j] - b.coefficients[j]) < 1e-6) }
        #expect(abs(a.logLikelihood - b.logLikelihood) < 1e-7)
    }

    @Test("a bad offset is reported, not trapped")
    func badOffset() throws {
        var cells = try GLMMFixtures.cells("swift")
        cells.offset = [1, 2]
        let short = LogisticGLMM.fit(cells)
        #expect(!short.converged && short.message.contains("offset"))
        cells.offset = Array(repeating: 0, count: cells.count)
        cells.offset![3] = .infinity
        let infinite = LogisticGLMM.fit(cells)
        #expect(!infinite.converged && infinite.message.contains("cell 3"))
    }

    @Test("matches lme4 glmer(offset =)", arguments: ["varied", "inversion"], [1, 10])
    func againstLme4(caseName: String, nAGQ: Int) throws {
        let rows = try PermutationFixtures.table("glmmoffset", "fits").filter {
            $0["case"] == caseName && $0["nagq"] == String(nAGQ)
        }
        try #require(!rows.isEmpty, "no lme4 offset fixture for \(caseName) nAGQ=\(nAGQ)")
        let data = try PermutationFixtures.swift()
        var (cells, period) = data.cells()
        if caseName == "varied" {
            cells.offset = (0..<cells.count).map {
                0.3 * data.trt[$0] + 0.1 * Double(data.cluster[$0] % 3) - 0.05 * Double(period[$0])
            }
        } else {
            cells.offset = (0..<cells.count).map { 0.7 * data.trt[$0] }
            for i in 0..<cells.count { cells.design[i, 1] = period[i] >= 5 - data.cluster[i] ? 1 : 0 }
        }
        let fit = LogisticGLMM.fit(cells, method: nAGQ == 1 ? .laplace : .adaptiveGaussHermite(points: nAGQ))
        #expect(fit.converged)
        for row in rows {
            let index = Int(row["index"]!)!, value = Double(row["value"]!)!
            switch row["quantity"]! {
            case "coef": #expect(abs(fit.coefficients[index] - value) < 5e-6, "coef \(index)")
            case "se": #expect(abs(fit.standardErrors[index] - value) < 1e-3 * value, "se \(index)")
            case "theta": #expect(abs(fit.siteSD - value) < 5e-6, "theta")
            case "loglik": #expect(abs(fit.logLikelihood - value) < 1e-6, "loglik")
            default: break
            }
        }
    }
}
