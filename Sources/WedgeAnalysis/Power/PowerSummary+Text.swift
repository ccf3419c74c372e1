// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeCore
internal import WedgeStats

extension PowerSummary {
    /// The summary as plain text for the terminal, ending with a newline. Numbers use ``NumberFormat``.
    public var text: String {
        let a = assumptions
        let f = NumberFormat.fixed
        var lines: [String] = []
        lines.append(
            "Power: \(design.studyID) (\(design.kind.rawValue), \(design.clusterCount) sites × "
                + "\(design.periodCount) periods, \(analytic.totalSampleSize) analysed participants)")
        lines.append("  Design rows: " + design.rowCodes.joined(separator: ", "))
        var assumed =
            "  Assumptions: p0 = \(f(a.controlProportion, 3)), p1 = \(f(a.interventionProportion, 3)), "
            + "ICC = \(f(a.icc, 3)), \(correlationText), \(sizeText), "
            + "two-sided α = \(Self.trimmed(a.alpha))"
        if let betas = a.periodEffects { assumed += ", logit period effects " + betas.map { f($0, 3) }.joined(separator: " ") }
        lines.append(assumed)
        if let solved {
            if let m = solved.clusterPeriodSize, let power = solved.power {
                var line = "Smallest cluster-period size for power ≥ \(f(solved.target, 2)): \(m) (power \(f(power, 3))"
                if let below = solved.powerBelow { line += "; \(m - 1) gives \(f(below, 3))" }
                lines.append(line + ")")
            } else {
                lines.append(
                    "No cluster-period size up to 100000 reaches power \(f(solved.target, 2)): power levels "
                        + "off below 1 as m grows. Add sites or periods, or lower the target.")
            }
        }
        lines.append("Analytic power (Hussey & Hughes 2007 GLS, swPwr conventions): \(f(analytic.power, 3))")
        lines.append(
            "  risk difference θ = \(f(analytic.effect, 3)), SE(θ̂) = \(f(analytic.standardError, 4)), "
                + "Var(θ̂) = \(f(analytic.variance, 6)), design effect \(f(analytic.designEffect, 2))")
        lines.append(
            "  σ² = p̄(1 − p̄) = \(f(analytic.outcomeVariance, 4)), τ² = \(f(analytic.clusterVariance, 5)), "
                + "γ² = \(f(analytic.clusterPeriodVariance, 5))")
        if let simulation, let settings = simulationSettings {
            lines += simulationLines(simulation, settings)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func simulationLines(_ s: SimulatedPowerResult, _ settings: PowerSimulationSettings) -> [String] {
        let f = NumberFormat.fixed
        let level = Int((settings.intervalLevel * 100).rounded())
        let intervalName = settings.intervalMethod == .wilson ? "Wilson" : "exact"
        var lines = [
            "Simulated power (\(s.trials) trials, \(Self.analysisName(settings)), seed \(settings.seed)): "
                + "\(f(s.power.estimate, 3)) (\(level)% \(intervalName) interval "
                + NumberFormat.interval(s.power.lower, s.power.upper, digits: 3)
                + "; MC SE \(f(s.monteCarloStandardError, 3)))",
        ]
        if let range = s.tateRange {
            if !settings.exposureEffect.isImmediate {
                lines.append("  true effect by exposure time (log OR, \(Self.shapeName(settings.exposureEffect))): "
                             + s.trueCurve.enumerated().map { "\($0.offset + 1): \(f($0.element, 3))" }
                                .joined(separator: ", "))
            }
            lines.append(
                "  true TATE (e = \(range.lowerBound)–\(range.upperBound)) = \(f(s.trueEffect, 3)) (OR "
                    + "\(f(exp(s.trueEffect), 2)); full effect θ = \(f(s.trueLogOddsRatio, 3))): mean estimate "
                    + "\(f(s.meanEstimate, 3)), bias \(Self.signed(s.bias, 3)), coverage of the Wald 95% CI "
                    + "\(NumberFormat.percent(s.coverage))%")
        } else {
            lines.append(
                "  log OR θ = \(f(s.trueLogOddsRatio, 3)) (OR \(f(exp(s.trueLogOddsRatio), 2))): mean estimate "
                    + "\(f(s.meanEstimate, 3)), bias \(Self.signed(s.bias, 3)), coverage of the Wald 95% CI "
                    + "\(NumberFormat.percent(s.coverage))%")
        }
        lines += [
            "  mean SE \(f(s.meanStandardError, 3)), empirical SD of the estimates \(f(s.empiricalStandardDeviation, 3))",
            "  not converged: \(s.nonconverged) of \(s.trials) (\(NumberFormat.percent(s.nonconvergenceRate))%); "
                + "singular fits: \(s.singular) of \(s.usable) (\(NumberFormat.percent(s.singularRate))%)",
        ]
        let formula =
            settings.scale == .latent ? "ICC·(π²/3)/(1 − ICC)" : "ICC/((1 − ICC)·p̄(1 − p̄))"
        lines.append(
            "  logit-scale cluster variance \(f(s.clusterVariance + s.clusterPeriodVariance, 4)) = \(formula) "
                + "(\(settings.scale.rawValue) scale); the analytic ICC is on the risk scale, τ² = ICC·σ²/(1 − ICC)")
        if !settings.exposureEffect.isImmediate {
            lines.append(
                "  The analytic power assumes the full effect from the crossover on; the simulated effect varies with "
                    + "exposure time, so the two are not compared.")
        }
        if let difference = simulatedMinusAnalytic, let outside = analyticOutsideSimulationInterval {
            let ratio = s.monteCarloStandardError > 0 ? abs(difference) / s.monteCarloStandardError : .nan
            let size = ratio.isFinite ? "\(f(ratio, 1)) MC SE" : "MC SE 0"
            lines.append(
                "  Simulated − analytic power: \(Self.signed(difference, 3)) (\(size)"
                    + (outside ? "; analytic outside the MC interval): larger than Monte Carlo error. The analytic formula treats the variances as "
                        + "known and works on the risk scale; with few clusters the GLMM Wald test differs"
                        + (settings.scale == .latent ? ", and the latent-scale ICC is a smaller logit variance than "
                            + "the analytic one (--icc-scale linearized matches it)." : ".") : "; within the MC interval)"))
        }
        return lines
    }

    /// The analysis of the simulated trials: `Laplace GLMM`, `AGQ(10) GLMM`, `nested-exchangeable Laplace GLMM`,
    /// `exposure-time (ETI) Laplace GLMM, TATE`, ….
    static func analysisName(_ settings: PowerSimulationSettings) -> String {
        switch settings.model {
        case .husseyHughes: return methodName(settings.method) + " GLMM"
        case .nested: return "nested Laplace GLMM"
        default:
            let method = settings.model.hasSitePeriodEffect ? "Laplace" : methodName(settings.method)
            return "\(settings.model.label) \(method) GLMM, TATE"
        }
    }

    /// The effect shape in words: `ramp to θ at e = 3`, `fractions 0.5, 1 of θ`.
    static func shapeName(_ shape: ExposureEffectShape) -> String {
        switch shape {
        case .immediate: return "immediate"
        case .ramp(let k): return "ramp to θ at e = \(k)"
        case .fractions(let f): return "fractions " + f.map(trimmed).joined(separator: ", ") + " of θ"
        }
    }

    /// `x` with an explicit sign: `+0.012`, `−0.028`.
    static func signed(_ x: Double, _ digits: Int) -> String {
        let text = NumberFormat.fixed(x, digits)
        return x > 0 && !text.allSatisfy({ $0 == "0" || $0 == "." }) ? "+" + text : text
    }
}
