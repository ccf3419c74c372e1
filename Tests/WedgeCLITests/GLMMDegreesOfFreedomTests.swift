// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeTestSupport

/// `wedge analyze --glmm-df`: the GLMM's Wald t reference, clusters − 2 by default; `normal` gives lme4's z.
@Suite("wedge analyze --glmm-df")
struct GLMMDegreesOfFreedomTests {
    static func glmm(_ extra: [String]) throws -> [String: Any] {
        let result = try CommandResult.wedge(
            ["analyze", "--csv", TestPaths.path("Tests/WedgeStatsTests/Fixtures/datasets/swift.csv"), "--format", "json",
             "--no-permutation", "--no-profile"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(root["glmm"] as? [String: Any])
    }

    @Test("Default 4 df for six sites; normal reproduces the z test; a number is used as given")
    func rules() throws {
        let t = try Self.glmm([]), z = try Self.glmm(["--glmm-df", "normal"]), ten = try Self.glmm(["--glmm-df", "10"])
        #expect(t["df"] as? Double == 4 && t["df_rule"] as? String == "clusters − 2")
        #expect(t["profile"] is NSNull)
        let zp = try #require((z["wald_z"] as? [String: Any])?["p_value"] as? Double)
        #expect(abs((z["p_value"] as? Double ?? .nan) - zp) < 1e-12)
        let pt = try #require(t["p_value"] as? Double), p10 = try #require(ten["p_value"] as? Double)
        #expect(zp < p10 && p10 < pt)
        #expect((t["upper"] as? Double ?? 0) > (ten["upper"] as? Double ?? .infinity))
    }

    @Test("A bad --glmm-df is a usage error", arguments: ["0", "clusters-3", "-2"])
    func usage(value: String) throws {
        let result = try CommandResult.wedge(["analyze", "--csv", "x.csv", "--glmm-df", value])
        #expect(result.status == 64, "\(result.stderr)")
    }
}
