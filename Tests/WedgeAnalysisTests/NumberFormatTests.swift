// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeAnalysis

@Suite("Number formatting")
struct NumberFormatTests {
    @Test("Percentages, p-values, intervals and signs follow one convention")
    func conventions() {
        #expect(NumberFormat.percent(0.62666) == "62.7")
        #expect(NumberFormat.countPercent(141, of: 225) == "141 (62.7%)")
        #expect(NumberFormat.countPercent(0, of: 0) == "0 (–)")
        #expect(NumberFormat.pValue(0.0004) == "< 0.001")
        #expect(NumberFormat.pValue(0.04567) == "0.046")
        #expect(NumberFormat.interval(2.1234, 6.1) == "2.12–6.10")
        #expect(NumberFormat.fixed(-2.4, 1) == "−2.4")
        #expect(NumberFormat.fixed(-0.001, 1) == "0.0")
        #expect(NumberFormat.fixed(.nan, 2) == "–")
        #expect(NumberFormat.fixed(.infinity, 2) == "∞")
    }
}
