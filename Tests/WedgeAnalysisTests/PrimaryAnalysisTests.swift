// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
@testable import WedgeAnalysis
import WedgeCore
import WedgeStats
import WedgeTestSupport

@Suite("Primary analysis")
struct PrimaryAnalysisTests {
    static let data = AnalysisDataset(snapshot: SampleSnapshot.value)
    static let result = PrimaryAnalysis.run(data)

    @Test("The analysis set is the export's primary rows, and counts match a direct count")
    func counts() {
        let rows = AnalysisExport.rows(SampleSnapshot.value).filter(\.isInPrimary)
        #expect(Self.data.participants.count == rows.count)
        for p in Self.result.byCondition {
            let mine = rows.filter { $0.condition == p.id }
            #expect(p.total == mine.count)
            #expect(p.events == mine.filter(\.initiated).count)
        }
        #expect(Self.result.siteCount == 6)
    }

    @Test("The GLMM is the lme4 model on site × period × condition cells: same fit as the cells built by hand")
    func glmmMatchesDirectFit() throws {
        // Build the cells independently of ClusterPeriodCells.
        var cells: [String: (Double, Double, Int, Int, Bool)] = [:]
        for p in Self.data.participants {
            let key = "\(p.site)-\(p.period)-\(p.treated)"
            let c = cells[key] ?? (0, 0, p.site, p.period, p.treated)
            cells[key] = (c.0 + (p.initiated ? 1 : 0), c.1 + 1, p.site, p.period, p.treated)
        }
        let list = cells.values.sorted { ($0.2, $0.3) < ($1.2, $1.3) }
        let periods = Set(list.map(\.3)).sorted()
        let x = Matrix(list.map { c in [1, c.4 ? 1 : 0] + periods.dropFirst().map { c.3 == $0 ? 1.0 : 0 } })
        let fit = LogisticGLMM.fit(BinomialCells(successes: list.map(\.0), trials: list.map(\.1),
                                                 cluster: list.map(\.2), design: x))
        let glmm = try #require(Self.result.glmm)
        #expect(abs(glmm.logOddsRatio.estimate - fit.coefficients[1]) < 1e-8)
        #expect(abs(glmm.likelihood.cellLogLikelihood - fit.logLikelihood) < 1e-8)
        // The individual-row log-likelihood: the same model fitted to one 0/1 row per participant (no collapsing).
        var rows = Matrix(rows: Self.data.participants.count, columns: x.columns)
        for (i, p) in Self.data.participants.enumerated() {
            rows[i, 0] = 1
            rows[i, 1] = p.treated ? 1 : 0
            for (k, level) in periods.dropFirst().enumerated() where p.period == level { rows[i, 2 + k] = 1 }
        }
        let individual = LogisticGLMM.fit(
            BinomialCells(successes: Self.data.participants.map { $0.initiated ? 1 : 0 },
                          trials: Self.data.participants.map { _ in 1 }, cluster: Self.data.participants.map(\.site),
                          design: rows),
            options: GLMMOptions(collapsesCells: false))
        #expect(abs(glmm.logLikelihood - individual.logLikelihood) < 1e-6)
        #expect(glmm.logLikelihood < glmm.likelihood.cellLogLikelihood)
        let k = Double(x.columns + 1), n = Double(Self.data.participants.count)
        #expect(abs(glmm.likelihood.aic - (-2 * individual.logLikelihood + 2 * k)) < 1e-5)
        #expect(abs(glmm.likelihood.bic - (-2 * individual.logLikelihood + k * log(n))) < 1e-5)
        #expect(glmm.converged)
    }

    @Test("The exact permutation test runs over the schedule's 720 allocations")
    func permutation() throws {
        let p = try #require(Self.result.permutation)
        #expect(p.exact && p.allocations == 720 && p.failures == 0)
        #expect(p.pValue >= 1.0 / 720 && p.pValue <= 1)
        #expect(abs(p.observed - Self.result.glmm!.logOddsRatio.estimate) < 1e-5)  // refits are quasi-Newton
    }

    @Test("The export CSV read back gives the same analysis as the snapshot")
    func csvRoundTrip() throws {
        let dir = try TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("export.csv").path
        try AnalysisExport.csv(SampleSnapshot.value).write(toFile: path, atomically: true, encoding: .utf8)
        let read = try AnalysisDataset.read(csv: path)
        #expect(read.participants == Self.data.participants.map { p in
            var q = p
            q.site = read.siteIDs.firstIndex(of: Self.data.siteIDs[p.site])!
            return q
        })
        let again = PrimaryAnalysis.run(read)
        #expect(again.byCondition.map { [$0.events, $0.total] } == Self.result.byCondition.map { [$0.events, $0.total] })
        #expect(abs(again.glmm!.logOddsRatio.estimate - Self.result.glmm!.logOddsRatio.estimate) < 1e-9)
        #expect(abs(again.gee!.logOddsRatio - Self.result.gee!.logOddsRatio) < 1e-9)
        // Six sites on six distinct sequences: permuting sites across observed sequences is the same 720 set.
        #expect(again.permutation?.allocations == 720)
        #expect(abs(again.permutation!.pValue - Self.result.permutation!.pValue) < 1e-12)
    }

    @Test("One condition only: proportions, no models, a note; nothing is NaN in the JSON")
    func oneCondition() {
        var data = Self.data
        data.participants = data.participants.filter { !$0.treated }
        let r = PrimaryAnalysis.run(data)
        #expect(r.glmm == nil && r.gee == nil && r.riskDifference == nil)
        #expect(r.notes.contains { $0.contains("one condition") })
        let json = AnalysisJSON.document(r, RetentionAnalysis.run(data)).serialized()
        #expect(!json.lowercased().contains("nan"))
        #expect(!AnalysisText.render(r, RetentionAnalysis.run(data)).lowercased().contains("nan"))
    }

    @Test("A period with no data is left out of the models with a note")
    func emptyPeriod() throws {
        var data = Self.data
        data.participants = data.participants.filter { $0.period != 3 }
        let r = PrimaryAnalysis.run(data)
        #expect(r.notes.contains { $0.contains("Period 3 had no participants") })
        #expect(r.glmm?.converged == true)
        #expect(r.periodCount == 4)
    }

    @Test("One site: no random-effects model, a note")
    func oneSite() {
        var data = Self.data
        data.participants = data.participants.filter { $0.site == 2 }
        let r = PrimaryAnalysis.run(data)
        #expect(r.glmm == nil)
        #expect(r.notes.contains { $0.contains("at least two sites") })
    }

    @Test("NPWP permutation with its test-inversion interval, around the observed within-period difference")
    func npwp() throws {
        let r = PrimaryAnalysis.run(Self.data, options: PrimaryAnalysisOptions(permutationStatistic: .npwp,
                                                                              permutationInterval: true))
        let p = try #require(r.permutation)
        #expect(p.statistic == .npwp && p.exact && p.allocations == 720)
        let ci = try #require(p.interval)
        #expect(ci.lower < p.observed && p.observed < ci.upper)
        #expect(p.pValue < 0.05 ? ci.lower > 0 : true)
    }

    @Test("More allocations than the exact limit: seeded Monte Carlo with its standard error, reproducible")
    func monteCarlo() throws {
        let options = PrimaryAnalysisOptions(permutationStatistic: .npwp, exactLimit: 100, monteCarloDraws: 400, seed: 7)
        let a = try #require(PrimaryAnalysis.run(Self.data, options: options).permutation)
        let b = try #require(PrimaryAnalysis.run(Self.data, options: options).permutation)
        #expect(!a.exact && a.allocations == 400 && a.monteCarloError > 0)
        #expect(a == b)
    }
}
