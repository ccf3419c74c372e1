// SPDX-License-Identifier: Apache-2.0

public import WedgeCore
internal import WedgeStats

extension PowerSummary {
    /// The schema identifier of ``jsonDocument``; documented in `docs/power.md`.
    public static let jsonSchema = "wedge.power/1"

    /// The summary as a JSON object (schema `wedge.power/1`, `docs/power.md`). Top-level `power` is the analytic
    /// power; `simulated_power` and `simulation` appear only when a simulation ran, `solve` only for a solved
    /// size. Non-finite numbers are `null`.
    public var jsonDocument: JSONValue {
        let a = assumptions
        var correlation: [(String, JSONValue)]
        switch a.correlation {
        case .nestedExchangeable(let cac):
            correlation = [("structure", .string("nested-exchangeable")), ("cac", .double(cac))]
        case .exponentialDecay(let r):
            correlation = [("structure", .string("exponential-decay")), ("decay", .double(r))]
        }
        var pairs: [(String, JSONValue)] = [
            ("schema", .string(Self.jsonSchema)),
            ("protocol", .object([
                ("file", .string(protocolPath)), ("study", .string(design.studyID)),
                ("design", .string(design.kind.rawValue)), ("sites", .int(design.clusterCount)),
                ("periods", .int(design.periodCount)),
                ("rows", .array(design.rowCodes.map { .string($0) })),
            ])),
            ("assumptions", .object([
                ("p0", .double(a.controlProportion)), ("p1", .double(a.interventionProportion)),
                ("icc", .double(a.icc)), ("correlation", .object(correlation)),
                ("per_cluster_period", a.cellSizes == nil ? .int(a.clusterPeriodSize) : .null),
                ("cell_sizes", a.cellSizes.map { .array($0.map { .array($0.map { .int($0) }) }) } ?? .null),
                ("alpha", .double(a.alpha)),
                ("period_effects", a.periodEffects.map { .array($0.map { .double($0) }) } ?? .null),
                ("analysed_participants", .int(analytic.totalSampleSize)),
            ])),
            ("power", .double(analytic.power)),
        ]
        if let simulation { pairs.append(("simulated_power", .double(simulation.power.estimate))) }
        pairs.append(("analytic", .object([
            ("method", .string("hussey-hughes-gls")), ("power", .double(analytic.power)),
            ("effect_risk_difference", .double(analytic.effect)), ("variance", .double(analytic.variance)),
            ("standard_error", .double(analytic.standardError)), ("design_effect", .double(analytic.designEffect)),
            ("outcome_variance", .double(analytic.outcomeVariance)),
            ("cluster_variance", .double(analytic.clusterVariance)),
            ("cluster_period_variance", .double(analytic.clusterPeriodVariance)),
            ("critical_value", .double(analytic.criticalValue)),
        ])))
        if let simulation, let settings = simulationSettings {
            pairs.append(("simulation", Self.json(
                simulation, settings, difference: simulatedMinusAnalytic, outside: analyticOutsideSimulationInterval)))
        }
        if let solved {
            pairs.append(("solve", .object([
                ("target_power", .double(solved.target)),
                ("per_cluster_period", solved.clusterPeriodSize.map { .int($0) } ?? .null),
                ("power", solved.power.map { .double($0) } ?? .null),
                ("power_one_less", solved.powerBelow.map { .double($0) } ?? .null),
            ])))
        }
        return .object(pairs)
    }

    static func json(
        _ s: SimulatedPowerResult, _ settings: PowerSimulationSettings, difference: Double?, outside: Bool?
    ) -> JSONValue {
        .object([
            ("trials", .int(s.trials)), ("seed", .string(settings.seed)),
            ("method", .string(settings.method == .laplace ? "laplace" : "agq")),
            ("agq_points", .int(settings.method.points)),
            ("model", .string(settings.model.rawValue)),
            ("estimand", .string(s.tateRange == nil ? "log-or" : "tate")),
            ("tate_range", s.tateRange.map { .array([.int($0.lowerBound), .int($0.upperBound)]) } ?? .null),
            ("exposure_effect", exposureEffectJSON(settings.exposureEffect)),
            ("true_effect", .double(s.trueEffect)),
            ("true_effect_by_exposure", .array(s.trueCurve.map { .double($0) })),
            ("icc_scale", .string(settings.scale.rawValue)),
            ("logit_cluster_variance", .double(s.clusterVariance)),
            ("logit_cluster_period_variance", .double(s.clusterPeriodVariance)),
            ("power", .double(s.power.estimate)),
            ("interval", .object([
                ("method", .string(settings.intervalMethod.rawValue)), ("level", .double(settings.intervalLevel)),
                ("lower", .double(s.power.lower)), ("upper", .double(s.power.upper)),
            ])),
            ("monte_carlo_standard_error", .double(s.monteCarloStandardError)),
            ("usable_fits", .int(s.usable)), ("rejections", .int(s.rejections)),
            ("true_log_odds_ratio", .double(s.trueLogOddsRatio)), ("mean_estimate", .double(s.meanEstimate)),
            ("bias", .double(s.bias)), ("coverage", .double(s.coverage)),
            ("mean_standard_error", .double(s.meanStandardError)),
            ("empirical_standard_deviation", .double(s.empiricalStandardDeviation)),
            ("nonconverged", .int(s.nonconverged)), ("nonconvergence_rate", .double(s.nonconvergenceRate)),
            ("singular", .int(s.singular)), ("singular_rate", .double(s.singularRate)),
            ("simulated_minus_analytic", difference.map { .double($0) } ?? .null),
            ("analytic_outside_interval", outside.map { .bool($0) } ?? .null),
        ])
    }

    /// `{"shape": "immediate" | "ramp" | "fractions", "ramp_periods", "fractions"}`.
    static func exposureEffectJSON(_ shape: ExposureEffectShape) -> JSONValue {
        switch shape {
        case .immediate:
            return .object([("shape", .string("immediate")), ("ramp_periods", .null), ("fractions", .null)])
        case .ramp(let k):
            return .object([("shape", .string("ramp")), ("ramp_periods", .int(k)), ("fractions", .null)])
        case .fractions(let f):
            return .object([("shape", .string("fractions")), ("ramp_periods", .null),
                            ("fractions", .array(f.map { .double($0) }))])
        }
    }
}
