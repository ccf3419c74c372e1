// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeAnalysis
internal import WedgeStats

extension PowerCommand {
    /// `--simulate N --null`: the empirical size of every test under no effect, with Monte Carlo intervals.
    func runNull(_ assumptions: PowerAssumptions) throws {
        guard let settings = simulationSettings, let path = `protocol` else { return }
        let design = try loadDesign(path, periodEffects: assumptions.periodEffects)
        let bar = ProgressBar(total: settings.trials, label: "Simulating \(design.studyID) under no effect",
                              quarterStepsWhenPiped: true)
        let start = Date()
        let rates = TypeIErrorSimulation.run(
            design, assumptions: assumptions, settings: settings, bootstrapReplicates: nullBootstrap,
            exactLimit: nullExactLimit) { bar.update($0) }
        bar.finish()
        let seconds = Date().timeIntervalSince(start)
        let table = ReportTable(
            id: "type-i-error",
            title: "Size of each test under no effect: \(design.studyID), \(settings.trials) simulated trials",
            columns: ["Test", "Rejections", "Rate", "\(NumberFormat.fixed(100 * settings.intervalLevel, 0))% MC interval",
                      "Holds \(NumberFormat.fixed(assumptions.alpha, 2))"],
            alignments: [.left, .right, .right, .right, .left],
            rows: rates.map { r in
                [r.test, "\(r.rejections)/\(r.usable)", NumberFormat.fixed(r.rate.estimate, 3),
                 NumberFormat.interval(r.rate.lower, r.rate.upper, digits: 3), r.holdsLevel ? "yes" : "no"]
            },
            notes: [
                "p0 = p1 = \(assumptions.controlProportion), ICC \(assumptions.icc), "
                    + "\(assumptions.clusterPeriodSize) per site and period, seed \(settings.seed); each trial analysed "
                    + "as wedge analyze does (GLMM Laplace; parametric bootstrap \(nullBootstrap) replicates; exact "
                    + "permutation test up to \(nullExactLimit) allocations). A test rejects when p ≤ α; it holds "
                    + "the level when the Monte Carlo interval (\(settings.intervalMethod.rawValue)) includes α or "
                    + "lies below it.",
            ])
        let text = TableRenderer.render(table, as: format.tableFormat)
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        FileHandle.standardError.write(Data("Simulated \(settings.trials) trials in \(NumberFormat.fixed(seconds, 1)) s.\n".utf8))
    }
}
