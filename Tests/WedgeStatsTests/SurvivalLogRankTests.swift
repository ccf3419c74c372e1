// SPDX-License-Identifier: Apache-2.0

import RealModule
import Testing
import WedgeStats

/// The log-rank test against `survdiff(rho = 0)`, 1e-10 relative (exact sums, rounding only).
@Suite("Survival: log-rank")
struct SurvivalLogRankTests {
    @Test("k groups, and stratified by period, against survdiff", arguments: ["rapid", "site", "rapid_strata_period"])
    func againstSurvdiff(test name: String) throws {
        let d = try SurvivalFixture.data()
        let rows = try SurvivalFixture.load("logrank").filter { $0.fields["test"] == name }
        let group = name == "site" ? d.site : d.rapid
        let strata = name == "rapid_strata_period" ? d.period : nil
        let test = LogRankTest(time: d.time, event: d.event, group: group, strata: strata)
        let groupRows = rows.filter { $0.fields["key"] == "group" }
        #expect(test.groups == groupRows.map { $0.int("group") })
        #expect(test.sizes.reduce(0, +) == 415)
        for (g, row) in groupRows.enumerated() {
            expectSurvivalClose(test.observed[g], row.value("observed"), tolerance: 1e-10, "\(name) O[\(g)]")
            expectSurvivalClose(test.expected[g], row.value("expected"), tolerance: 1e-10, "\(name) E[\(g)]")
        }
        let stat = { (key: String) in rows.first { $0.fields["key"] == key }!.value("observed") }
        expectSurvivalClose(test.chiSquared, stat("chisq"), tolerance: 1e-10, "\(name) chisq")
        #expect(Double(test.degreesOfFreedom) == stat("df"))
        expectSurvivalClose(test.pValue, stat("p"), tolerance: 1e-10, "\(name) p")
        print(
            "SURVIVAL-REPORT logrank \(name) chisq relErr=\(abs(test.chiSquared - stat("chisq")) / stat("chisq"))"
                + " p relErr=\(abs(test.pValue - stat("p")) / stat("p"))")
    }

    @Test("O − E sums to zero and V rows sum to zero")
    func identities() throws {
        let d = try SurvivalFixture.data()
        let test = LogRankTest(time: d.time, event: d.event, group: d.site, strata: d.period)
        let oe = zip(test.observed, test.expected).reduce(0) { $0 + $1.0 - $1.1 }
        #expect(abs(oe) < 1e-9)
        for g in 0..<6 {
            #expect(abs((0..<6).reduce(0) { $0 + test.variance[g, $1] }) < 1e-9)
        }
        #expect(test.degreesOfFreedom == 5)
    }

    @Test("edge cases: one group, no events, NaN times")
    func edgeCases() {
        let one = LogRankTest(time: [1, 2, 3], event: [true, true, false], group: [7, 7, 7])
        #expect(one.degreesOfFreedom == 0 && one.chiSquared == 0 && one.pValue == 1)
        let none = LogRankTest(time: [1, 2, 3, 4], event: [false, false, false, false], group: [0, 1, 0, 1])
        #expect(none.degreesOfFreedom == 0 && none.chiSquared == 0 && none.pValue == 1)
        let withNaN = LogRankTest(time: [1, 2, .nan, 4], event: [true, true, true, false], group: [0, 1, 2, 1])
        #expect(withNaN.groups == [0, 1])
    }
}
