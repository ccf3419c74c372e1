// SPDX-License-Identifier: Apache-2.0

import RealModule
import Testing
import WedgeStats

@Suite("StudentT")
struct StudentTTests {
    @Test("cdf matches R pt for df 1 to 1000")
    func cdf() throws {
        for row in try ReferenceTable.distribution("pt") {
            let value = StudentT.cdf(row.double("a1")!, degreesOfFreedom: row.double("a2")!)
            expectClose(value, row.double("expected")!, "\(row)")
        }
    }

    @Test("quantile matches R qt for df 1 to 1000")
    func quantile() throws {
        for row in try ReferenceTable.distribution("qt") {
            let value = StudentT.quantile(row.double("a1")!, degreesOfFreedom: row.double("a2")!)
            expectClose(value, row.double("expected")!, "\(row)")
        }
    }

    @Test("closed forms: df = 1 is Cauchy, df = 2 has an algebraic cdf")
    func closedForms() {
        for t in [-30.0, -2, -0.5, 0.25, 4] {
            expectClose(StudentT.cdf(t, degreesOfFreedom: 1), 0.5 + Double.atan(t) / Double.pi, "cauchy t=\(t)")
            expectClose(StudentT.cdf(t, degreesOfFreedom: 2), 0.5 + t / (2 * (2 + t * t).squareRoot()), "df2 t=\(t)")
        }
        expectClose(StudentT.quantile(0.975, degreesOfFreedom: 1), Double.tan(Double.pi * 0.475), "cauchy q")
    }

    @Test("upper tail is symmetric and infinite df is normal")
    func symmetryAndLimit() {
        #expect(StudentT.complementaryCDF(3.1, degreesOfFreedom: 7) == StudentT.cdf(-3.1, degreesOfFreedom: 7))
        #expect(StudentT.cdf(1.3, degreesOfFreedom: .infinity) == Normal.cdf(1.3))
        #expect(StudentT.quantile(0.3, degreesOfFreedom: .infinity) == Normal.quantile(0.3))
    }

    @Test("edge cases")
    func edgeCases() {
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: 3) == 1)
        #expect(StudentT.cdf(1e200, degreesOfFreedom: 3) == 1)  // t² overflows to +∞
        #expect(StudentT.cdf(-1e200, degreesOfFreedom: 3) == 0)
        #expect(StudentT.cdf(-.infinity, degreesOfFreedom: 3) == 0)
        #expect(StudentT.cdf(1, degreesOfFreedom: 0).isNaN)
        #expect(StudentT.cdf(.nan, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.quantile(0, degreesOfFreedom: 3) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 3) == .infinity)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 3) == 0)
        #expect(StudentT.quantile(2, degreesOfFreedom: 3).isNaN)
    }
}
