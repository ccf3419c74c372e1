// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeTestSupport

/// `wedge power --simulate N --null`: a row per test with its rate and Monte Carlo interval; usage errors exit 64.
@Suite("wedge power --null")
struct PowerNullTests {
    @Test("Every test gets a row; rates are rejections over usable trials")
    func table() throws {
        let result = try CommandResult.wedge([
            "power", "--protocol", TestPaths.path("Protocols/ctn-0097.toml"), "--p0", "0.36", "--p1", "0.63", "--icc",
            "0.05", "--per-cluster-period", "10", "--simulate", "4", "--null", "--null-bootstrap", "9", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for test in ["GLMM Wald z", "GLMM Wald t", "parametric bootstrap", "Kauermann–Carroll", "Mancl–DeRouen",
                     "Permutation test"] {
            let row = try #require(lines.first { $0.contains(test) }, "\(test)")
            #expect(row.contains("/4"), "\(row)")
        }
        #expect(result.stderr.contains("100% (4/4)"))
    }

    @Test("--null needs --simulate", arguments: [["--null"], ["--null", "--simulate", "5", "--null-bootstrap", "0"]])
    func usage(extra: [String]) throws {
        let result = try CommandResult.wedge([
            "power", "--protocol", TestPaths.path("Protocols/ctn-0097.toml"), "--p0", "0.36", "--p1", "0.63", "--icc",
            "0.05", "--per-cluster-period", "10",
        ] + extra)
        #expect(result.status == 64, "\(result.stderr)")
    }
}
