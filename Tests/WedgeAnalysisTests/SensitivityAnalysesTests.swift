// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
@testable import WedgeAnalysis
import WedgeCore
import WedgeStats

@Suite("Models: primary choice, sensitivity analyses and exposure time")
struct SensitivityAnalysesTests {
    /// Two sites crossing in periods 2 and 3, one control throughout; two participants per site-period.
    static func dataset(dropping: Set<[Int]> = []) -> AnalysisDataset {
        let sequences = [[0, 1, 1, 1], [0, 0, 1, 1], [0, 0, 0, 0], [0, 1, 1, 1]]
        var people: [AnalysisParticipant] = []
        for (site, sequence) in sequences.enumerated() {
            for period in 1...4 where !dropping.contains([site, period]) {
                for k in 0..<6 {
                    people.append(AnalysisParticipant(
                        site: site, period: period, treated: sequence[period - 1] == 1,
                        initiated: (k + site + period + sequence[period - 1] * 2) % 3 != 0))
                }
            }
        }
        return AnalysisDataset(
            siteIDs: ["a", "b", "c", "d"], periodCount: 4, control: ("standard", "Standard"),
            intervention: ("rapid", "Rapid"), participants: people,
            randomization: RandomizationFrame(sequences: sequences, observed: [0, 1, 2, 3], source: "test"))
    }

    @Test("Exposure time counts from the scheduled crossover even when the first intervention period is empty")
    func exposureFromSchedule() {
        // Site 1 crosses over in period 3; its period 3 is excluded (for example a transition window).
        let data = Self.dataset(dropping: [[1, 3]])
        let cells = ClusterPeriodCells(data.participants) { $0.initiated }
        let exposure = cells.exposure(frame: data.randomization)
        for i in 0..<cells.count where cells.site[i] == 1 && cells.period[i] == 4 { #expect(exposure[i] == 2) }
        // Without the schedule the data alone would say period 4 is the first exposure.
        let fromData = cells.exposure(frame: nil)
        for i in 0..<cells.count where cells.site[i] == 1 && cells.period[i] == 4 { #expect(fromData[i] == 1) }
        for i in 0..<cells.count where !cells.treated[i] { #expect(exposure[i] == 0) }
    }

    @Test("Every model is reported, the chosen one is primary, and the ETI TATE is the mean of its curve")
    func models() throws {
        var options = PrimaryAnalysisOptions(permutationStatistic: nil)
        options.model = .exposureTime
        let result = PrimaryAnalysis.run(Self.dataset(), options: options)
        #expect(result.models.map(\.id) == ["hh", "nested", "hh-eti", "nested-eti", "hh-ncs", "nested-ncs", "gee-eti"])
        #expect(result.primaryModel == .exposureTime)
        let eti = try #require(result.models.first { $0.id == "hh-eti" })
        let mean = eti.curve.map(\.estimate).reduce(0, +) / Double(eti.curve.count)
        #expect(abs(eti.effect.estimate - mean) < 1e-12)
        #expect(eti.curve.count == 3 && eti.likelihoodRatio?.degreesOfFreedom == 2)
        let hh = try #require(result.models.first { $0.id == "hh" })
        #expect(abs(hh.effect.estimate - (result.glmm?.logOddsRatio.estimate ?? .nan)) < 1e-6)
        let table = AnalysisTables.models(result)
        #expect(table.rows.first?.first?.hasPrefix("Primary: Exposure-time GLMM") == true)
        let json = AnalysisJSON.document(result, nil).serialized(pretty: false)
        #expect(json.contains("\"primary_model\":\"eti\"") && json.contains("wedge.analysis/2"))
    }

    @Test("Each --model value makes its own row primary, first in the table and in the JSON",
          arguments: AnalysisModel.allCases)
    func primaryRow(model: AnalysisModel) throws {
        var options = PrimaryAnalysisOptions(permutationStatistic: nil)
        options.model = model
        let result = PrimaryAnalysis.run(Self.dataset(), options: options)
        let row = try #require(result.models.first { $0.id == model.summaryID }, "\(model)")
        #expect(AnalysisTables.models(result).rows.first?.first?.hasPrefix("Primary: \(row.label)") == true)
        let json = AnalysisJSON.document(result, nil).serialized(pretty: false)
        #expect(json.contains("\"primary_model\":\"\(model.rawValue)\""))
    }

    @Test("A TATE range and PTE time are honoured and clipped to the observed exposure times")
    func estimandTimes() throws {
        var options = PrimaryAnalysisOptions(permutationStatistic: nil)
        options.exposureRange = 2...9
        options.pointExposure = 2
        let result = PrimaryAnalysis.run(Self.dataset(), options: options)
        let eti = try #require(result.models.first { $0.id == "hh-eti" })
        #expect(eti.estimand == "TATE, e = 2–3")
        #expect(abs(eti.effect.estimate - (eti.curve[1].estimate + eti.curve[2].estimate) / 2) < 1e-12)
        #expect(eti.pointExposure == 2 && eti.pointEffect?.estimate == eti.curve[1].estimate)
    }
}

extension SensitivityAnalysesTests {
    @Test("A TATE range beyond the observed exposure times gives a note, not a trap")
    func rangeOutside() {
        var options = PrimaryAnalysisOptions(permutationStatistic: nil)
        options.exposureRange = 7...9
        let result = PrimaryAnalysis.run(Self.dataset(), options: options)
        #expect(result.models.map(\.id) == ["hh", "nested"])
        #expect(result.notes.contains { $0.contains("TATE range") })
    }
}
