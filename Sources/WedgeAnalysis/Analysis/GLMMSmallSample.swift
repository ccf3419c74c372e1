// SPDX-License-Identifier: Apache-2.0

internal import WedgeStats

/// The GLMM's small-sample inference beyond the Wald t reference: the profile-likelihood interval and the
/// parametric bootstrap likelihood-ratio test of the condition effect (design column 1).
enum GLMMSmallSample {
    /// Adds the profile interval and, when `options.bootstrapReplicates > 0`, the bootstrap test to `summary`.
    static func add(
        to summary: inout GLMMSummary, cells: BinomialCells, fit: GLMMFit, method: GLMMMethod,
        options: PrimaryAnalysisOptions, progress: (@Sendable (Int) -> Void)?
    ) {
        guard fit.converged else { return }
        if options.profileInterval {
            let profile = LogisticGLMM.profileInterval(cells, fit: fit, coefficient: 1, method: method)
            if profile.lower.isFinite || profile.upper.isFinite { summary.profileInterval = profile }
        }
        if options.bootstrapReplicates > 0 {
            summary.bootstrap = bootstrap(
                cells, fit: fit, method: method, replicates: options.bootstrapReplicates, seed: options.seed,
                threads: options.threads, progress: progress)
        }
    }

    /// The parametric bootstrap LRT of column 1 with `replicates` replicates on `threads` workers; the result is
    /// the same for any number of threads (see ``WedgeStats/ParametricBootstrap``).
    static func bootstrap(
        _ cells: BinomialCells, fit: GLMMFit, method: GLMMMethod, replicates: Int, seed: UInt64, threads: Int?,
        progress: (@Sendable (Int) -> Void)?
    ) -> ParametricBootstrapResult? {
        let test = ParametricBootstrap(cells, coefficient: 1, method: method, full: fit)
        guard test.isUsable else { return nil }
        let values = ReplicateSlots<Double>.run(count: replicates, threads: threads, progress: progress) {
            test.replicate($0, seed: seed)
        }
        return test.result(values)
    }
}
