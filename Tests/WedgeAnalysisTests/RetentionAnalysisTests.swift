// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeAnalysis
import WedgeCore
import WedgeStats

@Suite("Retention analysis")
struct RetentionAnalysisTests {
    static let data = AnalysisDataset(snapshot: SampleSnapshot.value)
    static let result = RetentionAnalysis.run(data)

    @Test("Later injections: both denominators, counted from the export rows")
    func denominators() {
        let rows = AnalysisExport.rows(SampleSnapshot.value).filter(\.isInPrimary)
        for (all, initiators) in zip(Self.result.secondInjection.amongAll, Self.result.secondInjection.amongInitiators) {
            let mine = rows.filter { $0.condition == all.id && $0.secondInjection != nil }
            #expect(all.total == mine.count)
            #expect(all.events == mine.filter { $0.secondInjection == true }.count)
            #expect(initiators.total == mine.filter(\.initiated).count)
            #expect(initiators.events == all.events)  // only initiators can have a second injection
        }
    }

    @Test("Kaplan–Meier at 30 and 60 days equals the curve of the retention times, by condition")
    func kaplanMeier() throws {
        #expect(Self.result.survival.count == 2)
        for s in Self.result.survival {
            let mine = Self.data.participants.filter { ($0.treated ? Self.data.intervention.id : Self.data.control.id) == s.id }
                .filter { $0.retentionDays != nil }
            let curve = KaplanMeier(time: mine.map { Double($0.retentionDays!) }, event: mine.map { $0.retentionEvent! })
            #expect(s.curve.count == mine.count)
            for point in s.points { #expect(abs(point.survival - curve.survival(at: point.time)) < 1e-12) }
        }
        let lr = try #require(Self.result.logRank)
        #expect(lr.chiSquared >= 0 && lr.pValue > 0 && lr.pValue <= 1)
        let cox = try #require(Self.result.cox)
        #expect(cox.condition.isRobust && cox.converged)
    }

    @Test("Days to first injection: n is the number of initiators")
    func daysToFirst() {
        for t in Self.result.daysToFirstInjection {
            let treated = t.id == Self.data.intervention.id
            #expect(t.count == Self.data.participants.filter { $0.treated == treated && $0.initiated }.count)
            #expect(t.lowerQuartile <= t.median && t.median <= t.upperQuartile)
        }
    }
}
