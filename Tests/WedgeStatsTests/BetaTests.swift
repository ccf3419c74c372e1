// SPDX-License-Identifier: Apache-2.0

import RealModule
import Testing
import WedgeStats

@Suite("Beta")
struct BetaTests {
    @Test("cdf (regularized incomplete beta) matches R pbeta")
    func cdf() throws {
        for row in try ReferenceTable.distribution("pbeta") {
            let value = Beta.cdf(row.double("a1")!, a: row.double("a2")!, b: row.double("a3")!)
            expectClose(value, row.double("expected")!, "\(row)")
        }
    }

    @Test("quantile matches R qbeta")
    func quantile() throws {
        for row in try ReferenceTable.distribution("qbeta") {
            let value = Beta.quantile(row.double("a1")!, a: row.double("a2")!, b: row.double("a3")!)
            expectClose(value, row.double("expected")!, "\(row)")
        }
    }

    @Test("closed forms: Beta(a, 1) has cdf x^a, Beta(1, b) has upper tail (1 − x)^b")
    func closedForms() {
        for x in [1e-8, 0.01, 0.37, 0.9] {
            expectClose(Beta.cdf(x, a: 3.5, b: 1), Double.pow(x, 3.5), "a x=\(x)")
            expectClose(Beta.complementaryCDF(x, a: 1, b: 4), Double.pow(1 - x, 4), "b x=\(x)")
            expectClose(Beta.quantile(Double.pow(x, 3.5), a: 3.5, b: 1), x, "qa x=\(x)")
        }
        expectClose(Beta.complementaryQuantile(1e-40, a: 1, b: 4), 1 - Double.pow(1e-40, 0.25), "upper q")
    }

    /// A quantile is correct when the cdf steps across `p` between the neighbouring doubles of `x`.
    /// This stays meaningful where `x` rounds to 1 (for example Beta(0.05, 0.05) at p = 0.97,
    /// whose exact quantile is within 1e-30 of 1), where a plain `cdf(quantile(p)) ≈ p` cannot hold.
    @Test(
        "quantile brackets p between neighbouring doubles",
        arguments: [
            (0.05, 0.05), (0.2, 800.0), (800.0, 0.2), (1500.0, 900.0), (2.0, 3.0),
        ])
    func quantileBrackets(shape: (Double, Double)) {
        let (a, b) = shape
        for p in [1e-12, 0.003, 0.5, 0.97, 1 - 1e-9] {
            let x = Beta.quantile(p, a: a, b: b)
            let slack = 1e-9
            if p <= 0.5 {
                #expect(Beta.cdf(x.nextDown, a: a, b: b) <= p * (1 + slack), "a=\(a) b=\(b) p=\(p) x=\(x)")
                #expect(Beta.cdf(x.nextUp, a: a, b: b) >= p * (1 - slack), "a=\(a) b=\(b) p=\(p) x=\(x)")
            } else {
                let q = 1 - p
                #expect(Beta.complementaryCDF(x.nextDown, a: a, b: b) >= q * (1 - slack), "a=\(a) b=\(b) p=\(p) x=\(x)")
                #expect(Beta.complementaryCDF(x.nextUp, a: a, b: b) <= q * (1 + slack), "a=\(a) b=\(b) p=\(p) x=\(x)")
            }
        }
    }

    @Test("edge cases")
    func edgeCases() {
        #expect(Beta.cdf(0, a: 2, b: 3) == 0)
        #expect(Beta.cdf(1, a: 2, b: 3) == 1)
        #expect(Beta.cdf(-1, a: 2, b: 3) == 0)
        #expect(Beta.cdf(0.5, a: 0, b: 3).isNaN)
        #expect(Beta.cdf(0.5, a: 2, b: .infinity).isNaN)
        #expect(Beta.cdf(.nan, a: 2, b: 3).isNaN)
        #expect(Beta.quantile(0, a: 2, b: 3) == 0)
        #expect(Beta.quantile(1, a: 2, b: 3) == 1)
        #expect(Beta.quantile(1.5, a: 2, b: 3).isNaN)
        #expect(Beta.quantile(.nan, a: 2, b: 3).isNaN)
    }
}
