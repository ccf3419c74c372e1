// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// The primary analysis of initiation: crude proportions and comparisons, the Hussey–Hughes GLMM, the GEE
/// with small-sample corrections, and the permutation test over the randomization.
///
/// ```swift
/// let result = PrimaryAnalysis.run(AnalysisDataset(snapshot: snapshot))
/// print(result.glmm?.oddsRatio, result.permutation?.pValue)
/// ```
/// Never traps: an analysis that cannot be done (one condition only, too few sites, a failed fit) is `nil`
/// or reports `converged == false`, and ``notes`` says why.
public struct PrimaryAnalysis: Sendable {
    /// Initiation in the control, then the intervention.
    public var byCondition: [ConditionProportion]
    /// Intervention − control, with the Newcombe hybrid score interval (Newcombe 1998, *Stat Med* 17:873).
    public var riskDifference: IntervalEstimate?
    /// The same difference with the Wald interval `d ± z·√(p̂₁(1 − p̂₁)/n₁ + p̂₂(1 − p̂₂)/n₂)` (Newcombe's method 1),
    /// the one a reader computes by hand.
    public var riskDifferenceWald: IntervalEstimate?
    /// The crude odds ratio with Woolf's logit interval (Woolf 1955, *Ann Hum Genet* 19:251).
    public var crudeOddsRatio: IntervalEstimate?
    /// The GLMM, or `nil` when it cannot be fitted.
    public var glmm: GLMMSummary?
    /// The GEE, or `nil` when it cannot be fitted.
    public var gee: GEESummary?
    /// The permutation test, or `nil` when skipped.
    public var permutation: PermutationSummary?
    /// The treatment effect under every model (``SensitivityAnalyses``): the primary one and the sensitivity
    /// analyses. Empty when no model can be fitted.
    public var models: [ModelSummary] = []
    /// The model whose effect is primary.
    public var primaryModel: AnalysisModel = .husseyHughes
    /// Participants in the analysis.
    public var participantCount: Int
    /// Sites with participants.
    public var siteCount: Int
    /// Periods with participants.
    public var periodCount: Int
    /// Explanations of skipped or boundary results.
    public var notes: [String]

    /// Runs the analysis.
    /// - Parameters:
    ///   - data: The analysis set.
    ///   - options: The settings.
    ///   - progress: Called with the number of bootstrap replicates finished, when the bootstrap runs.
    public static func run(
        _ data: AnalysisDataset, options: PrimaryAnalysisOptions = .init(), progress: (@Sendable (Int) -> Void)? = nil
    ) -> PrimaryAnalysis {
        let people = data.participants
        let control = ConditionProportion(
            id: data.control.id, label: data.control.label, treated: false, people) { $0.initiated }
        let treated = ConditionProportion(
            id: data.intervention.id, label: data.intervention.label, treated: true, people) { $0.initiated }
        let cells = ClusterPeriodCells(people) { $0.initiated }
        var result = PrimaryAnalysis(
            byCondition: [control, treated], participantCount: people.count, siteCount: cells.sites.count,
            periodCount: cells.periodLevels.count, notes: [])
        if control.total > 0 && treated.total > 0 {
            result.riskDifference = RiskDifference.newcombe(
                successes1: treated.events, trials1: treated.total, successes2: control.events, trials2: control.total)
            result.riskDifferenceWald = RiskDifference.wald(
                successes1: treated.events, trials1: treated.total, successes2: control.events, trials2: control.total)
            result.crudeOddsRatio = OddsRatio.woolf(
                successes1: treated.events, trials1: treated.total, successes2: control.events, trials2: control.total)
        } else {
            result.notes.append("No comparison: a condition has no participants.")
        }
        let skipped = Set(1...max(1, data.periodCount)).subtracting(cells.periodLevels).sorted()
        if !skipped.isEmpty && !people.isEmpty {
            result.notes.append("Period\(skipped.count == 1 ? "" : "s") \(skipped.map(String.init).joined(separator: ", ")) "
                                + "had no participants and \(skipped.count == 1 ? "is" : "are") left out of the models.")
        }
        guard cells.hasBothConditions else {
            result.notes.append("No model: the data hold only one condition.")
            return result
        }
        guard cells.sites.count >= 2 else {
            result.notes.append("No model: a random site effect needs at least two sites with data.")
            return result
        }
        let method: GLMMMethod = options.nAGQ <= 1 ? .laplace : .adaptiveGaussHermite(points: options.nAGQ)
        let binomial = cells.binomial()
        let fit = LogisticGLMM.fit(binomial, method: method)
        var glmm = GLMMSummary(fit, cells: binomial, nAGQ: max(1, options.nAGQ),
                               degreesOfFreedom: options.glmmDegreesOfFreedom)
        GLMMSmallSample.add(to: &glmm, cells: binomial, fit: fit, method: method, options: options, progress: progress)
        result.glmm = glmm
        if !glmm.converged {
            result.notes.append("GLMM did not converge: \(glmm.message)")
        } else if glmm.isSingular {
            result.notes.append("GLMM: singular fit, the site SD is estimated at the boundary 0.")
        }
        let gee = LogisticGEE.fit(
            successes: cells.successes, trials: cells.trials, design: cells.design(), cluster: cells.cluster,
            options: GEEOptions(degreesOfFreedom: options.geeDegreesOfFreedom))
        result.gee = GEESummary(gee)
        if !gee.converged { result.notes.append("GEE did not converge (\(gee.status)).") }
        let sensitivity = SensitivityAnalyses.run(cells, frame: data.randomization, options: options)
        (result.models, result.primaryModel) = (sensitivity.models, options.model)
        result.notes += sensitivity.notes
        if let statistic = options.permutationStatistic {
            switch PermutationAnalysis.run(data, cells: cells, statistic: statistic, options: options) {
            case .success(let summary):
                result.permutation = summary
                if summary.failures > 0 {
                    result.notes.append("Permutation test: the statistic failed for \(summary.failures) of "
                                        + "\(summary.allocations) allocations, which are left out.")
                }
            case .failure(let error):
                result.notes.append("No permutation test: \(error.description)")
            }
        }
        return result
    }
}
