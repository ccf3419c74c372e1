// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeTestSupport

/// `wedge analyze --csv` against `Tests/WedgeStatsTests/Fixtures/inference/inference.json`, which
/// `reference-inference.R` there wrote with base R, lme4 1.1-31 and pbkrtest 0.5.2 (see its header).
///
/// Tolerances, and why (observed differences in brackets):
/// - proportions, Wilson and Clopper–Pearson limits, Wald and Newcombe risk differences, Woolf odds ratio: 1e-9
///   [about 1e-15]; later-injection counts: exact.
/// - GLMM log-likelihood (individual rows), AIC, BIC and the binomial-cell log-likelihood: 5e-5 absolute, and
///   ours never below lme4's by more than 1e-8 [2e-8 – 2.4e-5: lme4's bobyqa stops short on `sparse`]; `nobs`
///   exact.
/// - Wald t p-value: 2e-3 absolute; t limits: 1.2e-2 absolute [3e-5 – 1.1e-2]. The limits are `β̂ ± t₄·SE`:
///   β̂ agrees to 3e-4, and lme4's SE is a finite difference that is up to 0.6% off on `sparse` (Wedge's is the
///   analytic Hessian), which `t₄ = 2.78` magnifies.
/// - Profile-likelihood limits: 1e-3 absolute, the issue's requirement [2e-7 – 1.5e-4]. On `twelve` lme4's
///   profile of the individual-row fit misses the upper limit by 0.43 (its signed root there is 3.77, not 1.96,
///   `profile_roots` in the fixture); its profile of the cell fit finds it, so that one is the reference.
/// - Parametric bootstrap: the observed LRT within 1e-5 [3e-7]; the p-value within four Monte Carlo SEs of the
///   difference of two independent 400-replicate runs plus 1/400 (the random streams differ).
@Suite("wedge analyze: small-sample inference and published counts against R")
struct InferenceReferenceTests {
    static let folder = "Tests/WedgeStatsTests/Fixtures"
    static let replicates = 400

    static func reference(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.path(folder + "/inference/inference.json")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((root["datasets"] as? [String: Any])?[name] as? [String: Any])
    }

    static func csv(_ name: String) -> String {
        TestPaths.path(name == "published" ? "\(folder)/inference/published.csv" : "\(folder)/datasets/\(name).csv")
    }

    static func run(_ name: String, bootstrap: Bool) throws -> [String: Any] {
        let result = try CommandResult.wedge(
            ["analyze", "--csv", csv(name), "--format", "json", "--no-permutation"]
                + (bootstrap ? ["--bootstrap", "\(replicates)"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func number(_ object: Any?, _ path: String) -> Double? { AnalyzeReferenceTests.number(object, path) }

    static func expectClose(_ a: Double?, _ b: Double?, _ tolerance: Double, _ label: String) {
        #expect(AnalyzeReferenceTests.close(a, b, abs: tolerance), "\(label): \(String(describing: a)) vs \(String(describing: b))")
    }

    @Test("Every hand-computable figure of the initiation and later-injection tables", arguments: ["published", "swift", "null"])
    func proportions(name: String) throws {
        let ref = try Self.reference(name), out = try Self.run(name, bootstrap: false)
        let arms = try #require((out["initiation"] as? [String: Any])?["by_condition"] as? [[String: Any]])
        for arm in arms {
            let condition = try #require(arm["condition"] as? String), r = "proportions.\(condition)"
            #expect(Self.number(arm, "events") == Self.number(ref, "\(r).events"))
            #expect(Self.number(arm, "total") == Self.number(ref, "\(r).total"))
            for (mine, theirs) in [("lower", "wilson.0"), ("upper", "wilson.1"), ("exact_lower", "clopper_pearson.0"),
                                   ("exact_upper", "clopper_pearson.1"), ("proportion", "proportion")] {
                Self.expectClose(Self.number(arm, mine), Self.number(ref, "\(r).\(theirs)"), 1e-9, "\(name) \(condition) \(mine)")
            }
        }
        for (mine, theirs) in [("risk_difference.estimate", "risk_difference.estimate"),
                               ("risk_difference.lower", "risk_difference.newcombe.0"),
                               ("risk_difference.upper", "risk_difference.newcombe.1"),
                               ("risk_difference_wald.lower", "risk_difference.wald.0"),
                               ("risk_difference_wald.upper", "risk_difference.wald.1"),
                               ("odds_ratio.estimate", "odds_ratio.estimate"), ("odds_ratio.lower", "odds_ratio.woolf.0"),
                               ("odds_ratio.upper", "odds_ratio.woolf.1")] {
            Self.expectClose(Self.number(out, "initiation.\(mine)"), Self.number(ref, theirs), 1e-9, "\(name) \(mine)")
        }
        let injections = try #require(ref["injections"] as? [String: Any])
        for (column, denominators) in injections {
            for denominator in ["among_all", "among_initiators"] {
                let rows = try #require(((out["retention"] as? [String: Any])?[column] as? [String: Any])?[denominator] as? [[String: Any]])
                for row in rows {
                    let condition = try #require(row["condition"] as? String)
                    for key in ["events", "total"] {
                        #expect(Self.number(row, key) == Self.number(denominators, "\(denominator).\(condition).\(key)"),
                                "\(name) \(column) \(denominator) \(condition) \(key)")
                    }
                }
            }
        }
    }

    @Test("GLMM: individual-row log-likelihood, AIC, BIC, Wald t, profile interval and parametric bootstrap",
          arguments: ["published", "swift", "null", "sparse", "twelve"])
    func glmm(name: String) throws {
        let ref = try #require(try Self.reference(name)["glmm"] as? [String: Any])
        let bootstrap = ref["bootstrap"] != nil
        let out = try #require(try Self.run(name, bootstrap: bootstrap)["glmm"] as? [String: Any])
        for (mine, theirs) in [("loglik", "loglik"), ("loglik_cells", "loglik_cells"), ("aic", "aic"), ("bic", "bic")] {
            Self.expectClose(Self.number(out, mine), Self.number(ref, theirs), 5e-5, "\(name) \(mine)")
        }
        #expect(Self.number(out, "loglik")! >= Self.number(ref, "loglik")! - 1e-8)
        #expect(Self.number(out, "nobs") == Self.number(ref, "nobs"))
        #expect(Self.number(out, "df") == Self.number(ref, "df"))
        Self.expectClose(Self.number(out, "p_value"), Self.number(ref, "p_t"), 2e-3, "\(name) t p")
        Self.expectClose(Self.number(out, "lower"), Self.number(ref, "t_interval.0"), 1.2e-2, "\(name) t lower")
        Self.expectClose(Self.number(out, "upper"), Self.number(ref, "t_interval.1"), 1.2e-2, "\(name) t upper")
        let profile = name == "twelve" ? "profile_cells" : "profile"
        // The reference itself: R's signed root at its limits, by direct refits, is ±1.96 (to lme4's spline error).
        for (k, sign) in [(0, -1.0), (1, 1.0)] {
            Self.expectClose(Self.number(ref, "\(profile)_roots.\(k)"), sign * 1.959963984540054, 5e-4, "\(name) R root \(k)")
        }
        Self.expectClose(Self.number(out, "profile.lower"), Self.number(ref, "\(profile).0"), 1e-3, "\(name) profile lower")
        Self.expectClose(Self.number(out, "profile.upper"), Self.number(ref, "\(profile).1"), 1e-3, "\(name) profile upper")
        guard bootstrap else { return }
        Self.expectClose(Self.number(out, "bootstrap.statistic"), Self.number(ref, "bootstrap.lrt"), 1e-5, "\(name) LRT")
        Self.expectClose(Self.number(out, "bootstrap.chi_square_p_value"), Self.number(ref, "bootstrap.p_chisq"), 1e-6,
                         "\(name) χ² p")
        let p = try #require(Self.number(ref, "bootstrap.p_pb"))
        let se = (2 * p * (1 - p) / Double(Self.replicates)).squareRoot()
        Self.expectClose(Self.number(out, "bootstrap.p_value"), p, 4 * se + 1 / Double(Self.replicates), "\(name) PB p")
        #expect(Self.number(out, "bootstrap.replicates") == Double(Self.replicates))
    }
}
