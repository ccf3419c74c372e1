// SPDX-License-Identifier: Apache-2.0

public import WedgeCore
internal import WedgeStats

/// The JSON document of `wedge analyze --format json` (schema `wedge.analysis/2`, documented in the README).
///
/// Keys are written in a fixed order and numbers in shortest round-trip form, so the same data give the
/// same bytes. A number that is undefined (NaN or infinite) is written as `null`; an analysis that was
/// skipped is `null` and ``PrimaryAnalysis/notes`` or ``RetentionAnalysis/notes`` say why.
public enum AnalysisJSON {
    /// The schema identifier.
    public static let schema = "wedge.analysis/2"

    /// The whole document; `auditHead` (`COUNT:HASH`, for data read from a study database) is written as
    /// `audit_head` after `wedge_version` when given.
    public static func document(_ primary: PrimaryAnalysis, _ retention: RetentionAnalysis?,
                                auditHead: String? = nil) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("wedge_version", .string(WedgeVersion.current)),
        ] + (auditHead.map { [("audit_head", JSONValue.string($0))] } ?? []) + [
            ("participants", .int(primary.participantCount)),
            ("sites", .int(primary.siteCount)),
            ("periods", .int(primary.periodCount)),
            ("initiation", initiation(primary)),
            ("glmm", primary.glmm.map(glmm) ?? .null),
            ("gee", primary.gee.map(gee) ?? .null),
            ("permutation", primary.permutation.map(permutation) ?? .null),
            ("primary_model", .string(primary.primaryModel.rawValue)),
            ("models", .array(primary.models.map { model($0, primary: $0.id == primary.primaryModel.summaryID) })),
            ("retention", retention.map(self.retention) ?? .null),
            ("notes", .array((primary.notes + (retention?.notes ?? [])).map(JSONValue.string))),
        ])
    }

    static func interval(_ e: IntervalEstimate) -> [(String, JSONValue)] {
        [("estimate", .double(e.estimate)), ("lower", .double(e.lower)), ("upper", .double(e.upper))]
    }

    static func proportion(_ p: ConditionProportion) -> JSONValue {
        .object([("condition", .string(p.id)), ("label", .string(p.label)), ("events", .int(p.events)),
                 ("total", .int(p.total)), ("proportion", .double(p.interval.estimate)),
                 ("lower", .double(p.interval.lower)), ("upper", .double(p.interval.upper)),
                 ("exact_lower", .double(p.exactInterval.lower)), ("exact_upper", .double(p.exactInterval.upper))])
    }

    static func initiation(_ r: PrimaryAnalysis) -> JSONValue {
        .object([
            ("by_condition", .array(r.byCondition.map(proportion))),
            ("risk_difference", r.riskDifference.map { .object(interval($0) + [("method", .string("Newcombe hybrid score"))]) } ?? .null),
            ("risk_difference_wald", r.riskDifferenceWald.map { .object(interval($0) + [("method", .string("Wald"))]) } ?? .null),
            ("odds_ratio", r.crudeOddsRatio.map { .object(interval($0) + [("method", .string("Woolf logit, crude"))]) } ?? .null),
        ])
    }

    static func glmm(_ g: GLMMSummary) -> JSONValue {
        let t = g.tReference, z = g.logOddsRatio, or = g.oddsRatio, l = g.likelihood
        return .object([
            ("log_odds_ratio", .double(t.estimate)), ("se", .double(t.standardError)), ("z", .double(z.z)),
            ("p_value", .double(t.pValue)), ("lower", .double(t.interval.lower)), ("upper", .double(t.interval.upper)),
            ("odds_ratio", .double(or.estimate)), ("odds_ratio_lower", .double(or.lower)),
            ("odds_ratio_upper", .double(or.upper)), ("df", .double(t.degreesOfFreedom)),
            ("df_rule", .string(t.degreesOfFreedomRule.description)),
            ("wald_z", .object([("p_value", .double(z.pValue)), ("lower", .double(z.interval.lower)),
                                ("upper", .double(z.interval.upper))])),
            ("profile", g.profileInterval.map { .object([("lower", .double($0.lower)), ("upper", .double($0.upper))]) } ?? .null),
            ("bootstrap", g.bootstrap.map(bootstrap) ?? .null),
            ("site_sd", .double(g.siteSD)), ("loglik", .double(l.logLikelihood)), ("aic", .double(l.aic)),
            ("bic", .double(l.bic)), ("nobs", .int(l.observations)), ("loglik_cells", .double(l.cellLogLikelihood)),
            ("nagq", .int(g.nAGQ)), ("converged", .bool(g.converged)), ("singular", .bool(g.isSingular)),
        ])
    }

    static func bootstrap(_ b: ParametricBootstrapResult) -> JSONValue {
        .object([("statistic", .double(b.statistic)), ("chi_square_p_value", .double(b.chiSquarePValue)),
                 ("p_value", .double(b.pValue)), ("monte_carlo_se", .double(b.monteCarloStandardError)),
                 ("replicates", .int(b.replicates)), ("positive", .int(b.positive)), ("extreme", .int(b.extreme)),
                 ("failures", .int(b.failures))])
    }

    static func gee(_ g: GEESummary) -> JSONValue {
        var fields: [(String, JSONValue)] = [("log_odds_ratio", .double(g.logOddsRatio))]
        let names: [(GEEVariance, String)] = [(.robust, "robust"), (.kauermannCarroll, "kc"), (.manclDeRouen, "md")]
        for (variance, name) in names { fields.append(("se_\(name)", .double(g.inference(variance)?.standardError ?? .nan))) }
        for (variance, name) in names {
            guard let i = g.inference(variance) else { continue }
            fields.append((name, .object([("p_value", .double(i.pValue)), ("lower", .double(i.lower)),
                                          ("upper", .double(i.upper))])))
        }
        fields += [("df", .double(g.degreesOfFreedom)), ("df_rule", .string(g.degreesOfFreedomRule)),
                   ("working_correlation", .double(g.workingCorrelation)), ("converged", .bool(g.converged))]
        return .object(fields)
    }

    static func permutation(_ p: PermutationSummary) -> JSONValue {
        .object([
            ("statistic", .string(p.statistic.rawValue)), ("observed", .double(p.observed)),
            ("p_value", .double(p.pValue)), ("allocations", .int(p.allocations)), ("exact", .bool(p.exact)),
            ("monte_carlo_se", .double(p.monteCarloError)), ("failures", .int(p.failures)),
            ("source", .string(p.source)),
            ("interval", p.interval.map { .object([("lower", .double($0.lower)), ("upper", .double($0.upper))]) } ?? .null),
        ])
    }

    static func retention(_ r: RetentionAnalysis) -> JSONValue {
        func injection(_ o: InjectionOutcome) -> JSONValue {
            .object([("among_all", .array(o.amongAll.map(proportion))),
                     ("among_initiators", .array(o.amongInitiators.map(proportion)))])
        }
        let days = r.daysToFirstInjection.map { t -> JSONValue in
            .object([("condition", .string(t.id)), ("n", .int(t.count)), ("median", .double(t.median)),
                     ("q1", .double(t.lowerQuartile)), ("q3", .double(t.upperQuartile))])
        }
        let km = r.survival.map { s -> JSONValue in
            .object([
                ("condition", .string(s.id)), ("n", .int(s.curve.count)),
                ("at", .array(s.points.map { p in
                    .object([("day", .double(p.time)), ("survival", .double(p.survival)), ("lower", .double(p.lower)),
                             ("upper", .double(p.upper)), ("at_risk", .int(p.numberAtRisk))])
                })),
                ("median", .double(s.median.estimate)), ("median_lower", .double(s.median.lower)),
                ("median_upper", .double(s.median.upper)),
            ])
        }
        return .object([
            ("second_injection", injection(r.secondInjection)), ("third_injection", injection(r.thirdInjection)),
            ("days_to_first_injection", .array(days)), ("kaplan_meier", .array(km)),
            ("log_rank", r.logRank.map { .object([("chi_square", .double($0.chiSquared)), ("df", .int($0.degreesOfFreedom)),
                                                 ("p_value", .double($0.pValue))]) } ?? .null),
            ("cox", r.cox.map { c in
                .object([("log_hazard_ratio", .double(c.condition.estimate)), ("se_robust", .double(c.condition.standardError)),
                         ("hazard_ratio", .double(c.condition.hazardRatio.estimate)),
                         ("lower", .double(c.condition.hazardRatio.lower)), ("upper", .double(c.condition.hazardRatio.upper)),
                         ("p_value", .double(c.condition.pValue)), ("n", .int(c.count)), ("events", .int(c.events)),
                         ("converged", .bool(c.converged))])
            } ?? .null),
        ])
    }
}
