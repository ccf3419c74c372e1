// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeStats

/// Hostile data (issue 5) at the WedgeStats level: the GLMM, the GEE, Kaplan–Meier, the log-rank test and
/// the Cox model never trap and never return a NaN that is not flagged. Every case ends either in a
/// clear refusal (`converged == false` with a message, ``GEEStatus/singular``, `isConverged == false`) or in a
/// documented boundary result, named in the test's title.
///
/// The cases start from the `null` validation dataset (6 sites × 5 periods, 450 participants) and break it:
/// all outcomes 0, all outcomes 1, one site, a period with no data, complete separation, a site with one
/// participant, no data at all.
@Suite("Hostile data never traps and never hides a NaN")
struct HostileDataTests {
    static func base() throws -> DatasetReferenceData { try DatasetReferenceData.load("null") }

    /// A GLMM fit is usable (converged, everything finite) or flagged (not converged, with a message).
    static func expectHonest(_ fit: GLMMFit, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let numbers = fit.coefficients + fit.standardErrors + [fit.siteSD, fit.logLikelihood]
        if fit.converged {
            let finite = numbers.allSatisfy { $0.isFinite }
            #expect(finite, "\(label): converged with a non-finite number", sourceLocation: sourceLocation)
        } else {
            #expect(!fit.message.isEmpty, "\(label): a failed fit must say why", sourceLocation: sourceLocation)
        }
        #expect(
            !fit.message.lowercased().contains("nan"), "\(label): message prints NaN: \(fit.message)",
            sourceLocation: sourceLocation)
    }

    /// A GEE fit is converged with finite estimates and SEs, or carries a non-converged status.
    static func expectHonest(_ fit: GEEFit, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard fit.converged else { return }
        let numbers = fit.coefficients + fit.standardErrors(.robust) + fit.standardErrors(.kauermannCarroll)
            + fit.standardErrors(.manclDeRouen) + [fit.alpha, fit.scale]
        let finite = numbers.allSatisfy { $0.isFinite }
        #expect(finite, "\(label): converged GEE with a non-finite number", sourceLocation: sourceLocation)
    }

    /// A Cox fit is converged with finite estimates and SEs, or flagged `isConverged == false`.
    static func expectHonest(_ fit: CoxModel, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard fit.isConverged else { return }
        let numbers = fit.coefficients + fit.standardErrors + (fit.robustStandardErrors ?? [])
        let finite = numbers.allSatisfy { $0.isFinite }
        #expect(finite, "\(label): converged Cox with a non-finite number", sourceLocation: sourceLocation)
    }

    /// Runs every estimator on `data` (design from the periods present) and checks each is honest.
    static func fitAll(_ data: DatasetReferenceData, _ label: String)
        -> (laplace: GLMMFit, agq: GLMMFit, gee: GEEFit, cox: CoxModel)
    {
        let laplace = LogisticGLMM.fit(data.cells)
        let agq = LogisticGLMM.fit(data.cells, method: .adaptiveGaussHermite(points: 10))
        let gee = LogisticGEE.fit(y: data.initiated, design: data.individualDesign, cluster: data.site)
        let retention = data.initiators
        let cox = CoxModel(
            time: retention.retentionDays, event: retention.retentionEvent, covariates: retention.coxCovariates,
            cluster: retention.site)
        expectHonest(laplace, "\(label) Laplace")
        expectHonest(agq, "\(label) AGQ")
        expectHonest(gee, "\(label) GEE")
        expectHonest(cox, "\(label) Cox")
        return (laplace, agq, gee, cox)
    }

    @Test("all outcomes 0: the GLMM refuses (separation), the GEE is singular, no initiators leaves an empty KM curve, a df-0 log-rank test and an unconverged Cox fit")
    func allZero() throws {
        var data = try Self.base()
        data.initiated = data.initiated.map { _ in 0 }
        data.retentionDays = data.retentionDays.map { _ in .nan }
        let fits = Self.fitAll(data, "all 0")
        for fit in [fits.laplace, fits.agq] {
            #expect(!fit.converged && fit.coefficients.allSatisfy(\.isNaN))
            #expect(fit.message.contains("every cell has 0 successes"), "\(fit.message)")
        }
        #expect(fits.gee.status == .singular)
        #expect(fits.cox.count == 0 && !fits.cox.isConverged)
        let km = KaplanMeier(time: [], event: [])
        #expect(km.count == 0 && km.survival(at: 30) == 1 && km.median.estimate.isNaN)  // NaN = not reached
        let test = LogRankTest(time: [], event: [], group: [])
        #expect(test.degreesOfFreedom == 0 && test.chiSquared == 0 && test.pValue == 1)
    }

    @Test("all outcomes 1: the GLMM refuses (separation) and the GEE is singular; every initiator dropping out takes KM to 0 with R's NA (NaN) Greenwood SE")
    func allOne() throws {
        var data = try Self.base()
        data.initiated = data.initiated.map { _ in 1 }
        data.retentionDays = data.retentionDays.map { $0.isNaN ? 30 : $0 }
        data.retentionEvent = data.retentionEvent.map { _ in true }
        let fits = Self.fitAll(data, "all 1")
        for fit in [fits.laplace, fits.agq] {
            #expect(!fit.converged && fit.message.contains("every cell has only successes"), "\(fit.message)")
        }
        #expect(fits.gee.status == .singular)
        // Retention: every initiator drops out. Kaplan–Meier reaches 0 at the last time; there the Greenwood
        // SE is 0·∞, NaN as R's NA (documented on KaplanMeier); the Cox model still fits.
        let retention = data.initiators.condition(1)
        let km = KaplanMeier(time: retention.retentionDays, event: retention.retentionEvent)
        let last = try #require(km.summary(at: [60], extend: true).first)
        #expect(last.survival == 0 && last.standardError.isNaN && last.lower.isNaN)
        #expect(fits.cox.isConverged)
    }

    @Test("one site: the period-adjusted GLMM and GEE are rank deficient (treatment is a sum of period columns) and refuse; the Cox information is singular")
    func oneSite() throws {
        let base = try Self.base()
        var data = base.subset(base.site.indices.filter { base.siteID[$0] == "site-03" })
        data.site = data.site.map { _ in 0 }
        let fits = Self.fitAll(data, "one site")
        for fit in [fits.laplace, fits.agq] {
            #expect(!fit.converged && fit.message.contains("rank deficient"), "\(fit.message)")
        }
        #expect(fits.gee.status == .singular && fits.gee.clusterCount == 1)
        #expect(!fits.cox.isConverged && fits.cox.standardErrors.allSatisfy(\.isNaN))
        // Without period effects one site is estimable, but τ is not: the boundary (singular) fit, τ ≈ 0.
        let cells = data.cells
        let simple = BinomialCells(
            successes: cells.successes, trials: cells.trials, cluster: cells.cluster,
            design: Matrix((0..<cells.count).map { [1, cells.design[$0, 1]] }))
        let fit = LogisticGLMM.fit(simple)
        Self.expectHonest(fit, "one site, no period")
        #expect(fit.converged && fit.isSingular && fit.message.contains("singular fit"), "\(fit.message)")
    }

    @Test("a period with no data: a design from the periods present fits normally; an all-zero column for the absent level is refused as rank deficient")
    func emptyPeriod() throws {
        let base = try Self.base()
        let data = base.subset(base.site.indices.filter { base.period[$0] != 3 })
        let fits = Self.fitAll(data, "no period 3")
        #expect(fits.laplace.converged && fits.agq.converged && fits.gee.converged && fits.cox.isConverged)
        #expect(fits.laplace.coefficients.count == 5)  // intercept, treat, periods 2, 4, 5
        // The same data with an indicator for the absent period 3: a zero column after the period-2 column.
        let cells = data.cells
        let glmm = LogisticGLMM.fit(
            BinomialCells(
                successes: cells.successes, trials: cells.trials, cluster: cells.cluster,
                design: Self.insertingZeroColumn(cells.design, at: 3)))
        Self.expectHonest(glmm, "zero column")
        #expect(!glmm.converged && glmm.message.contains("rank deficient"), "\(glmm.message)")
        let gee = LogisticGEE.fit(
            y: data.initiated, design: Self.insertingZeroColumn(data.individualDesign, at: 3), cluster: data.site)
        #expect(gee.status == .singular && gee.coefficients.allSatisfy(\.isNaN))
        let retention = data.initiators
        let cox = CoxModel(
            time: retention.retentionDays, event: retention.retentionEvent,
            covariates: Self.insertingZeroColumn(retention.coxCovariates, at: 2), cluster: retention.site)
        Self.expectHonest(cox, "Cox zero column")
        #expect(!cox.isConverged && cox.standardErrors.allSatisfy(\.isNaN))
    }

    /// `m` with a column of zeros inserted before column `index`.
    static func insertingZeroColumn(_ m: Matrix, at index: Int) -> Matrix {
        Matrix((0..<m.rows).map { i in
            let row = (0..<m.columns).map { m[i, $0] }
            return Array(row[..<index]) + [0] + Array(row[index...])
        })
    }

    @Test("a period without any event: the GLMM refuses, naming the period column (its coefficient is −∞); the GEE is singular")
    func periodWithoutEvents() throws {
        var data = try Self.base()
        data.initiated = data.site.indices.map { data.period[$0] == 2 ? 0 : data.initiated[$0] }
        data.retentionDays = data.site.indices.map { data.initiated[$0] == 1 ? data.retentionDays[$0] : .nan }
        let fits = Self.fitAll(data, "period 2 without events")
        #expect(fits.laplace.message.contains("design column 2 = 1 has 0 successes"), "\(fits.laplace.message)")
        #expect(fits.gee.status == .singular)
    }

    @Test("complete separation: the GLMM refuses, naming the treatment column, and the GEE is singular; in retention, a condition without dropouts gives coxph's huge coefficient and model SE, flagged as possibly infinite")
    func completeSeparation() throws {
        var data = try Self.base()
        data.initiated = data.treated
        data.retentionDays = data.treated.map { $0 == 1 ? 30 : .nan }
        let fits = Self.fitAll(data, "separation")
        for fit in [fits.laplace, fits.agq] {
            #expect(!fit.converged && fit.message.contains("design column 1 = 1 has only successes"), "\(fit.message)")
        }
        #expect(fits.gee.status == .singular)
        // Retention separation: standard initiators all drop out, rapid ones never do. The partial likelihood
        // has no finite maximum; the Newton iteration stops on the flat log-likelihood at a huge |β| with a
        // huge model SE, exactly as coxph, and flags the coefficient as coxph's warning does. R 4.2.2,
        // survival 3.5.3, on the same rows (null.csv initiators, event = standard):
        //   coxph(Surv(retention_days, ev) ~ treat + factor(period), ties = "efron", cluster = site)
        //   β = −21.272117, model SE 2539.256332, robust SE 0.493834, 19 iterations, and the warning
        //   "Loglik converged before variable 1; coefficient may be infinite."
        // The robust SE is not huge: a flagged coefficient must not be reported as an estimate.
        var retention = try Self.base().initiators
        retention.retentionEvent = retention.treated.map { $0 == 0 }
        let cox = CoxModel(
            time: retention.retentionDays, event: retention.retentionEvent, covariates: retention.coxCovariates,
            cluster: retention.site)
        Self.expectHonest(cox, "Cox separation")
        #expect(cox.isConverged && cox.iterations == 19)
        #expect(abs(cox.coefficients[0] - -21.272117) < 1e-5, "β \(cox.coefficients[0])")
        #expect(abs(cox.standardErrors[0] / 2539.256332 - 1) < 1e-6, "model SE \(cox.standardErrors[0])")
        #expect(abs(try #require(cox.robustStandardErrors)[0] / 0.493834 - 1) < 1e-5)
        #expect(cox.coefficientMayBeInfinite == [true] + Array(repeating: false, count: 4))
        let test = LogRankTest(
            time: retention.retentionDays, event: retention.retentionEvent, group: retention.treated.map { Int($0) })
        #expect(test.chiSquared.isFinite && test.pValue < 1e-10)
    }

    @Test("a site with one participant: every estimator fits normally (the singleton adds nothing to the GEE's α)")
    func singletonSite() throws {
        let base = try Self.base()
        let first = try #require(base.site.indices.first { base.siteID[$0] == "site-04" })
        let data = base.subset(base.site.indices.filter { base.siteID[$0] != "site-04" || $0 == first })
        let fits = Self.fitAll(data, "singleton site")
        #expect(fits.laplace.converged && fits.agq.converged && fits.gee.converged && fits.cox.isConverged)
        #expect(fits.gee.clusterCount == 6 && fits.laplace.clusterEffects.count == 6)
    }

    @Test("no data at all: the GLMM says 'no cells', the GEE reports invalid input, KM is empty, Cox is not converged")
    func noData() throws {
        let data = try Self.base().subset([])
        let fits = Self.fitAll(data, "empty")
        #expect(fits.laplace.message == "no cells")
        #expect(fits.gee.status == .invalidInput)
        #expect(!fits.cox.isConverged && fits.cox.count == 0)
    }
}
