// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

@Suite("Normal")
struct NormalTests {
    @Test("cdf matches R pnorm, including the deep lower tail")
    func cdf() throws {
        for row in try ReferenceTable.distribution("pnorm") {
            expectClose(Normal.cdf(row.double("a1")!), row.double("expected")!, "\(row)")
        }
    }

    @Test("complementaryCDF matches R pnorm(lower.tail = FALSE) out to x = 37")
    func complementaryCDF() throws {
        for row in try ReferenceTable.distribution("pnorm_upper") {
            expectClose(Normal.complementaryCDF(row.double("a1")!), row.double("expected")!, "\(row)")
        }
    }

    @Test("quantile matches R qnorm from 1e-300 to 1 - 1e-12")
    func quantile() throws {
        for row in try ReferenceTable.distribution("qnorm") {
            expectClose(Normal.quantile(row.double("a1")!), row.double("expected")!, "\(row)")
        }
    }

    @Test("complementaryQuantile matches R qnorm(lower.tail = FALSE)")
    func complementaryQuantile() throws {
        for row in try ReferenceTable.distribution("qnorm_upper") {
            expectClose(Normal.complementaryQuantile(row.double("a1")!), row.double("expected")!, "\(row)")
        }
    }

    @Test("quantile inverts cdf", arguments: [-8.0, -3.3, -0.42, 0.0, 0.9, 2.5, 5.0])
    func roundTrip(x: Double) {
        let p = x < 0 ? Normal.cdf(x) : Normal.complementaryCDF(x)
        let back = x < 0 ? Normal.quantile(p) : Normal.complementaryQuantile(p)
        #expect(abs(back - x) <= 1e-13 * max(1, abs(x)))
    }

    @Test("edge cases: infinities, bounds and NaN")
    func edgeCases() {
        #expect(Normal.cdf(-.infinity) == 0)
        #expect(Normal.cdf(.infinity) == 1)
        #expect(Normal.complementaryCDF(.infinity) == 0)
        #expect(Normal.cdf(.nan).isNaN)
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(-0.1).isNaN)
        #expect(Normal.quantile(1.1).isNaN)
        #expect(Normal.quantile(.nan).isNaN)
    }
}
