// SPDX-License-Identifier: Apache-2.0

import RealModule
import Testing
import WedgeStats

@Suite("ChiSquared")
struct ChiSquaredTests {
    @Test("cdf matches R pchisq")
    func cdf() throws {
        for row in try ReferenceTable.distribution("pchisq") {
            let value = ChiSquared.cdf(row.double("a1")!, degreesOfFreedom: row.double("a2")!)
            expectClose(value, row.double("expected")!, "\(row)")
        }
    }

    @Test("complementaryCDF matches R pchisq(lower.tail = FALSE), including tiny p-values")
    func complementaryCDF() throws {
        for row in try ReferenceTable.distribution("pchisq_upper") {
            let value = ChiSquared.complementaryCDF(row.double("a1")!, degreesOfFreedom: row.double("a2")!)
            expectClose(value, row.double("expected")!, "\(row)")
        }
    }

    @Test("quantile matches R qchisq")
    func quantile() throws {
        for row in try ReferenceTable.distribution("qchisq") {
            let value = ChiSquared.quantile(row.double("a1")!, degreesOfFreedom: row.double("a2")!)
            expectClose(value, row.double("expected")!, "\(row)")
        }
    }

    @Test("df = 2 is exponential with mean 2")
    func closedForm() {
        for x in [0.001, 0.7, 5, 40] {
            expectClose(ChiSquared.complementaryCDF(x, degreesOfFreedom: 2), Double.exp(-x / 2), "x=\(x)")
            // Invert through the upper tail: 1 − exp(−x/2) would lose the digits of a tiny tail.
            expectClose(ChiSquared.complementaryQuantile(Double.exp(-x / 2), degreesOfFreedom: 2), x, "q x=\(x)")
        }
        // Upper-tail critical value: −2 log q, exact for df = 2.
        expectClose(ChiSquared.complementaryQuantile(1e-20, degreesOfFreedom: 2), -2 * Double.log(1e-20), "crit")
    }

    @Test("edge cases")
    func edgeCases() {
        #expect(ChiSquared.cdf(0, degreesOfFreedom: 3) == 0)
        #expect(ChiSquared.cdf(-1, degreesOfFreedom: 3) == 0)
        #expect(ChiSquared.cdf(.infinity, degreesOfFreedom: 3) == 1)
        #expect(ChiSquared.cdf(1, degreesOfFreedom: -1).isNaN)
        #expect(ChiSquared.cdf(.nan, degreesOfFreedom: 3).isNaN)
        #expect(ChiSquared.quantile(0, degreesOfFreedom: 3) == 0)
        #expect(ChiSquared.quantile(1, degreesOfFreedom: 3) == .infinity)
        #expect(ChiSquared.quantile(-0.5, degreesOfFreedom: 3).isNaN)
    }
}
