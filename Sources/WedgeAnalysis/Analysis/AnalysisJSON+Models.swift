// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore
internal import WedgeStats

extension AnalysisJSON {
    /// One Wald inference: `estimate, se, z, p_value, lower, upper, odds_ratio, odds_ratio_lower, odds_ratio_upper`.
    static func wald(_ w: WaldInference) -> [(String, JSONValue)] {
        let or = w.oddsRatio
        return [("estimate", .double(w.estimate)), ("se", .double(w.standardError)), ("z", .double(w.z)),
                ("p_value", .double(w.pValue)), ("lower", .double(w.interval.lower)), ("upper", .double(w.interval.upper)),
                ("odds_ratio", .double(or.estimate)), ("odds_ratio_lower", .double(or.lower)),
                ("odds_ratio_upper", .double(or.upper))]
    }

    /// One entry of `models[]` (schema `wedge.analysis/2`).
    static func model(_ m: ModelSummary, primary: Bool) -> JSONValue {
        func optional(_ x: Double?) -> JSONValue { x.map { JSONValue.double($0) } ?? .null }
        var point = JSONValue.null
        if let p = m.pointEffect { point = .object([("exposure", .int(m.pointExposure ?? 0))] + wald(p)) }
        let curve: [JSONValue] = m.curve.enumerated().map { k, w in .object([("exposure", .int(k + 1))] + wald(w)) }
        var lrt = JSONValue.null
        if let t = m.likelihoodRatio {
            lrt = .object([("chi_square", .double(t.statistic)), ("df", .int(t.degreesOfFreedom)),
                           ("p_value", .double(t.pValue))])
        }
        var fields: [(String, JSONValue)] = [
            ("id", .string(m.id)), ("label", .string(m.label)), ("primary", .bool(primary)),
            ("method", .string(m.method)), ("random_effects", .string(m.randomEffects)),
            ("exposure_time", .string(m.exposureTime)), ("estimand", .string(m.estimand)),
        ]
        fields += [("effect", .object(wald(m.effect))), ("point_effect", point), ("curve", .array(curve))]
        fields += [("site_sd", optional(m.siteSD)), ("site_period_sd", optional(m.sitePeriodSD)),
                   ("loglik", optional(m.logLikelihood)), ("likelihood_ratio", lrt),
                   ("converged", .bool(m.converged)), ("singular", .bool(m.isSingular))]
        return .object(fields)
    }
}
